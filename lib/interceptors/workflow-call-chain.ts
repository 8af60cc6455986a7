import { TsflowError } from '../errors/tsflow.error';
import type { CallDefinition, WorkflowDefinition } from '../metadata/workflow-definition';
import { chain } from './chain';
import type { CallerView, WorkflowCallAttempt, WorkflowCallInfo, WorkflowInterceptor } from './workflow-interceptor.types';

/** A call's number and id, given as the workflow makes it (`CallScheduler.reserve`). */
export interface CallPlan {
  readonly sequence: number;
  readonly callId: string;
}

/** What the engine says of an attempt as it is about to be scheduled. */
export interface AttemptStart {
  readonly callId: string;
  readonly attemptId: string;
  readonly attempt: number;
  readonly previousFailure?: unknown;
  readonly delaySeconds: number;
}

/** Told of each attempt as the call commits to it; throwing vetoes the attempt. */
export type AttemptHook = (attempt: AttemptStart) => void;

/** A call function as the engine installs it: the workflow's arguments, then the id it was given and the attempt hook. */
export type ScheduleFn = (input: unknown, options?: never, plan?: CallPlan, onAttempt?: AttemptHook) => Promise<unknown>;

/** What the engine lends the chain of one call: who is calling, and the call's id, reserved as the workflow makes it. */
export interface CallSite {
  caller(): CallerView;
  reserve(options: Readonly<Record<string, unknown>> | undefined): CallPlan;
}

type CallFn = (input: unknown, options?: never) => Promise<unknown>;
type Cancellable = { cancel?: () => void };
const ignore = (): undefined => undefined;

function typeOf(call: CallDefinition): string {
  if (call.kind === 'lambda') return call.functionName;
  const type = call.kind === 'activity' ? call.activityType : call.workflowType;
  return `${type.name}@${type.version}`;
}

/** The `onWorkflowCallAttempt` hooks, in the interceptors' order, as one hook of the call `info` went out as. */
function attemptHook(interceptors: readonly WorkflowInterceptor[], info: WorkflowCallInfo, site: CallSite): AttemptHook | undefined {
  const hooks = interceptors.flatMap((i) => (i.onWorkflowCallAttempt ? [i.onWorkflowCallAttempt.bind(i)] : []));
  if (hooks.length === 0) return undefined;
  return ({ callId, attemptId, attempt, previousFailure, delaySeconds }) => {
    const seen: WorkflowCallAttempt = {
      ...info,
      callId,
      attempt,
      attemptId,
      delaySeconds,
      ...(previousFailure === undefined ? {} : { previousFailure }),
      isReplaying: site.caller().isReplaying,
    };
    for (const hook of hooks) hook(seen);
  };
}

/**
 * Wraps one call function the engine installs on a workflow instance in the
 * definition's workflow interceptors. Without interceptors the function is
 * returned as it is. The call's id is reserved before the chain runs, so that
 * interceptors see it and it does not move with them; `next` makes the call
 * under that id, once. The wrapped future keeps `cancel()` (it cancels the
 * engine's future, once there is one) and, like the engine's own futures,
 * never surfaces as an unhandled rejection.
 */
export function interceptWorkflowCall(definition: WorkflowDefinition, call: CallDefinition, fn: ScheduleFn, site: CallSite): CallFn {
  const interceptors = definition.interceptors ?? [];
  if (interceptors.length === 0) return fn;
  const links = interceptors.flatMap((i) => (i.interceptWorkflowCall ? [i.interceptWorkflowCall.bind(i)] : []));
  const type = typeOf(call);
  const workflowType = `${definition.name}@${definition.version}`;
  return (input, options) => {
    const plan = site.reserve(options);
    let future: (Promise<unknown> & Cancellable) | undefined;
    const run = chain<WorkflowCallInfo, unknown>(links, (c) => {
      if (future) {
        return Promise.reject(
          new TsflowError(
            `A workflow interceptor called next() twice for ${call.member} (${plan.callId}) in ${workflowType}; a call is made ` +
              'once. To try it again, give it a retry policy (onWorkflowCallAttempt sees each attempt), or call the member again.',
          ),
        );
      }
      const options = c.options as never;
      return (future = fn(c.input, options, plan, attemptHook(interceptors, { ...c, callId: plan.callId, attempt: 1 }, site)));
    });
    const { workflowId, runId, isReplaying, tags } = site.caller();
    const info: WorkflowCallInfo = {
      kind: call.kind,
      type,
      member: call.member,
      callId: plan.callId,
      attempt: 1,
      workflowType,
      workflowId,
      runId,
      input,
      ...(options === undefined ? {} : { options: options as Record<string, unknown> }),
      declared: call.options as Readonly<Record<string, unknown>>,
      isReplaying,
      tags,
    };
    const outer = run(info) as Promise<unknown> & Cancellable;
    if (outer !== future) {
      outer.catch(ignore);
      if (call.kind !== 'lambda') Object.defineProperty(outer, 'cancel', { value: () => future?.cancel?.() });
    }
    return outer;
  };
}
