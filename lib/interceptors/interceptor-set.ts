import { InvalidDefinitionError } from '../metadata/definition.error';
import { asWorkflowInterceptor, interceptorItemsOf, type InterceptorItem } from '../metadata/interceptor-metadata';
import type { Constructor } from '../metadata/records';
import { chain, type Link } from './chain';
import type { ClientInterceptor } from '../client/client-interceptor.types';
import type {
  ActivityCallInfo,
  ActivityInterceptor,
  ActivityTaskInfo,
  ActivityTaskReport,
  DecisionTaskInfo,
  DecisionTaskReport,
  PollEvent,
  WorkerInterceptor,
} from './worker-interceptor.types';
import type { WorkflowInterceptor } from './workflow-interceptor.types';

/** Anything `@WorkerModule({ interceptors })` accepts: an object with one or more of the intercept methods. */
export type Interceptor = WorkflowInterceptor | ActivityInterceptor | WorkerInterceptor | ClientInterceptor;

type Builder = (target: Constructor<object>) => object;

const METHODS = [
  'interceptWorkflowCall',
  'onWorkflowCallAttempt',
  'interceptActivity',
  'interceptClient',
  'interceptDecisionTask',
  'interceptActivityTask',
  'onPoll',
];

/** An interceptor that has none of the methods would do nothing, silently: most likely a misspelt method. */
function checkIntercepts(interceptor: object, where: string): void {
  const has = METHODS.some((m) => typeof (interceptor as Record<string, unknown>)[m] === 'function');
  if (!has) {
    throw new InvalidDefinitionError(
      `${where}: ${interceptor?.constructor?.name ?? String(interceptor)} intercepts nothing; ` +
        `an interceptor has at least one of ${METHODS.join(', ')}.`,
    );
  }
}

function links<I extends object, C, R>(interceptors: readonly object[], method: keyof I): Link<C, R>[] {
  return interceptors.flatMap((i) => {
    const fn = (i as Record<PropertyKey, unknown>)[method as PropertyKey];
    return typeof fn === 'function' ? [(fn as Link<C, R>).bind(i)] : [];
  });
}

/**
 * An application's interceptors, sorted by what they intercept, with the
 * chains the workers run. Classes are built once by `build` (the app's
 * container); per-class ones (`@UseInterceptors` on an `@Activities` class)
 * run inside the module's. `FlowFactory` makes one; build your own to give
 * to a `DeciderWorker` or `ActivityWorker` you construct yourself.
 *
 * @example
 * ```ts
 * const interceptors = new InterceptorSet([new WorkerMetrics()]);
 * const worker = new ActivityWorker(swf, registry, container, { domain, taskLists, identity, logger, interceptors });
 * ```
 */
export class InterceptorSet {
  static readonly none = new InterceptorSet([]);

  readonly workflow: readonly WorkflowInterceptor[];
  private readonly activityLinks: Link<ActivityCallInfo, unknown>[];
  private readonly decisionTaskLinks: Link<DecisionTaskInfo, DecisionTaskReport>[];
  private readonly activityTaskLinks: Link<ActivityTaskInfo, ActivityTaskReport>[];
  /** The interceptors of `WorkflowClient` calls, for the client's config. */
  readonly client: readonly ClientInterceptor[];
  private readonly pollObservers: ((event: PollEvent) => void)[];
  private readonly perClass = new Map<Constructor, Link<ActivityCallInfo, unknown>[]>();

  constructor(
    items: readonly InterceptorItem[],
    private readonly build: Builder = (target) => new target(),
    where = '@WorkerModule interceptors',
  ) {
    const interceptors = items.map((item) => (typeof item === 'function' ? build(item as Constructor<object>) : item));
    for (const interceptor of interceptors) checkIntercepts(interceptor, where);
    this.workflow = interceptors.flatMap((i) => asWorkflowInterceptor(i, where) ?? []);
    this.activityLinks = links<ActivityInterceptor, ActivityCallInfo, unknown>(interceptors, 'interceptActivity');
    this.decisionTaskLinks = links<WorkerInterceptor, DecisionTaskInfo, DecisionTaskReport>(interceptors, 'interceptDecisionTask');
    this.activityTaskLinks = links<WorkerInterceptor, ActivityTaskInfo, ActivityTaskReport>(interceptors, 'interceptActivityTask');
    this.client = interceptors.filter((i): i is ClientInterceptor => typeof (i as ClientInterceptor).interceptClient === 'function');
    this.pollObservers = interceptors.flatMap((i) => {
      const fn = (i as WorkerInterceptor).onPoll;
      return typeof fn === 'function' ? [fn.bind(i)] : [];
    });
  }

  /** Runs an activity method call through the module's interceptors, then those of its class. */
  activity(target: Constructor, call: ActivityCallInfo, last: (call: ActivityCallInfo) => Promise<unknown>): Promise<unknown> {
    let own = this.perClass.get(target);
    if (!own) {
      const interceptors = interceptorItemsOf(target).map((item) =>
        typeof item === 'function' ? this.build(item as Constructor<object>) : item,
      );
      for (const interceptor of interceptors) checkIntercepts(interceptor, `@UseInterceptors on ${target.name}`);
      own = links<ActivityInterceptor, ActivityCallInfo, unknown>(interceptors, 'interceptActivity');
      this.perClass.set(target, own);
    }
    return chain([...this.activityLinks, ...own], last)(call);
  }

  decisionTask(task: DecisionTaskInfo, last: (task: DecisionTaskInfo) => Promise<DecisionTaskReport>): Promise<DecisionTaskReport> {
    return chain(this.decisionTaskLinks, last)(task);
  }

  activityTask(task: ActivityTaskInfo, last: (task: ActivityTaskInfo) => Promise<ActivityTaskReport>): Promise<ActivityTaskReport> {
    return chain(this.activityTaskLinks, last)(task);
  }

  /** Wraps a worker's poll so that each one, as it ends, is reported to the `onPoll` observers. */
  observePolls<T>(worker: PollEvent['worker'], taskList: string, poll: (signal: AbortSignal) => Promise<T | undefined>) {
    if (this.pollObservers.length === 0) return poll;
    return async (signal: AbortSignal): Promise<T | undefined> => {
      const start = performance.now();
      const report = (result: PollEvent['result']): void => {
        const event: PollEvent = { worker, taskList, durationMs: performance.now() - start, result };
        for (const observe of this.pollObservers) observe(event);
      };
      try {
        const task = await poll(signal);
        report(task === undefined ? 'empty' : 'task');
        return task;
      } catch (error) {
        if (!signal.aborted) report('error');
        throw error;
      }
    };
  }
}
