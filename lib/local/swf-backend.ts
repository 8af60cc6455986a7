import type { ActionHandler, CallOptions } from './actions/action-handler';
import { isSwfAction, SWF_ACTIONS, type SwfAction } from './actions/action-table';
import { type Clock, SystemClock } from './clock';
import { installDecisionScheduler } from './execution/decision-tasks';
import { hasPendingWork } from './execution/pending-work';
import { InProcessLambdaInvoker } from './lambda/in-process-lambda-invoker';
import type { LambdaInvoker } from './lambda/lambda-invoker';
import { ServiceContext, type ServiceIdentity } from './state/service-context';
import type { PermissionPolicy } from './permissions';
import { SwfFault } from './swf-fault';

export interface LocalSwfBackendOptions {
  /** Time source; a ManualClock gives tests time skipping. Default: wall-clock time. */
  clock?: Clock;
  /** Runs Lambda tasks. Default: an empty InProcessLambdaInvoker. */
  lambdaInvoker?: LambdaInvoker;
  /** How long Poll* calls wait for a task before answering empty. Default 60,000 ms, as SWF. */
  longPollTimeoutMs?: number;
  /** Region and account in the domain ARNs. Default us-east-1 / 000000000000. */
  identity?: Partial<ServiceIdentity>;
  /** Emulated IAM: deny actions or decisions to test how callers handle it. Default: allow all. */
  permissions?: PermissionPolicy;
}

/**
 * The SWF-compatible service core: one `dispatch` per API call, in SWF's
 * JSON wire format (timestamps as epoch seconds). Transports (in-memory
 * SDK handler, HTTP server) sit on top of it.
 *
 * @example
 * const backend = new LocalSwfBackend({ clock: new ManualClock() });
 * await backend.dispatch('RegisterDomain', { name: 'dev', workflowExecutionRetentionPeriodInDays: '1' });
 */
export class LocalSwfBackend {
  private readonly ctx: ServiceContext;

  constructor(options: LocalSwfBackendOptions = {}) {
    const timeout = options.longPollTimeoutMs ?? 60000;
    if (!(timeout >= 0)) throw new RangeError(`longPollTimeoutMs must be >= 0, got ${timeout}`);
    this.ctx = new ServiceContext(
      options.clock ?? new SystemClock(),
      options.lambdaInvoker ?? new InProcessLambdaInvoker(),
      timeout,
      { region: 'us-east-1', accountId: '000000000000', ...options.identity },
      options.permissions,
    );
    installDecisionScheduler(this.ctx);
  }

  /** The SWF action names `dispatch` understands. */
  static readonly actions: readonly SwfAction[] = Object.keys(SWF_ACTIONS) as SwfAction[];

  /**
   * Runs one SWF action. `input` is the decoded JSON request body; the result
   * is the JSON-ready response body (`{}` for actions without output).
   * Throws {@link SwfFault} with SWF's fault name for every rejected call.
   * `options.signal` withdraws a pending long poll when the caller gives up.
   * Safe to call concurrently: each call's changes happen in one synchronous
   * step, and long polls wait without holding anything.
   */
  async dispatch(action: string, input: unknown, options: CallOptions = {}): Promise<unknown> {
    // A copy: callers must not reach into the service's state, and undefined members vanish as on the wire.
    return JSON.parse(await this.dispatchJson(action, input, options));
  }

  /**
   * {@link dispatch}, answering the response body as JSON text: the one
   * serialisation of a result, which the transports send as it is.
   */
  async dispatchJson(action: string, input: unknown, options: CallOptions = {}): Promise<string> {
    if (!isSwfAction(action)) throw SwfFault.unknownOperation(action);
    if (this.ctx.closed) throw new SwfFault('ServiceUnavailableException', 'The local SWF service is closed', 503);
    const domain = domainNamed(action, input);
    if (!this.ctx.permissions({ action, domain })) {
      throw SwfFault.operationNotPermitted(`Not authorized to perform swf:${action}${domain ? ` on domain ${domain}` : ''}`);
    }
    const result = await (SWF_ACTIONS[action] as ActionHandler)(this.ctx, input, options);
    return result === undefined || result === null ? '{}' : JSON.stringify(result);
  }

  /**
   * True when no execution waits on a worker or a Lambda call, so only
   * timers and timeouts can move things on: the moment a time-skipping
   * test may jump the clock (see {@link TimeSkipper}).
   */
  isIdle(): boolean {
    return !hasPendingWork(this.ctx);
  }

  /** Answers pending long polls with "no task", aborts running Lambda calls, stops every timer; later calls fail. */
  async close(): Promise<void> {
    this.ctx.closed = true;
    for (const domain of this.ctx.domains.values()) {
      for (const execution of domain.openByWorkflowId.values()) for (const lambda of execution.lambdas.values()) lambda.abort.abort();
    }
    this.ctx.decisionLists.releaseAll();
    this.ctx.activityLists.releaseAll();
    this.ctx.timers.cancelAll();
  }
}

/** The domain a request names: `domain`, or `name` for the domain actions. */
function domainNamed(action: string, input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const body = input as { domain?: unknown; name?: unknown };
  const value = action.endsWith('Domain') ? body.name : body.domain;
  return typeof value === 'string' ? value : undefined;
}
