import type { ActionHandler, CallOptions } from './service/action-handler';
import { isSwfAction, SWF_ACTIONS, type SwfAction } from './action-table';
import { type Clock, SystemClock } from './clock';
import { hasPendingWork } from './executions/pending-work';
import { InProcessLambdaInvoker } from './lambda/in-process-lambda-invoker';
import type { LambdaInvoker } from './lambda/lambda-invoker';
import { restoreState } from './durability/restore-state';
import { SqliteJournal } from './durability/sqlite-journal';
import { ServiceContext, type ServiceIdentity, type ZeroRetention } from './service/service-context';
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
  /**
   * A SQLite file that holds all state (created when missing). Every
   * accepted call is committed to it before it is answered; a service
   * started again on the file, even after a kill -9, carries on where it
   * stopped. Default: state in memory only.
   */
  db?: string;
  /**
   * Closed runs of a domain registered with retention `0` or `NONE`:
   * `'delete'` (default) deletes their record and history as soon as they
   * close, as SWF does; `'keep'` keeps them readable, for development.
   */
  zeroRetention?: ZeroRetention;
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
    const file = options.db;
    const opened = file === undefined ? undefined : SqliteJournal.open(file);
    this.ctx = new ServiceContext({
      clock: options.clock ?? new SystemClock(),
      lambdaInvoker: options.lambdaInvoker ?? new InProcessLambdaInvoker(),
      longPollTimeoutMs: timeout,
      identity: { region: 'us-east-1', accountId: '000000000000', ...options.identity },
      permissions: options.permissions,
      journal: opened?.journal,
      pageTokenKey: opened?.saved.pageTokenKey,
      zeroRetention: options.zeroRetention,
    });
    if (opened) {
      try {
        restoreState(this.ctx, opened.saved, file!);
        this.ctx.journal.commit();
      } catch (error) {
        this.ctx.timers.cancelAll();
        opened.journal.close();
        throw error;
      }
    }
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
    if (this.ctx.journal.failure) throw unavailable(this.ctx.journal.failure);
    const domain = domainNamed(action, input);
    if (!this.ctx.permissions({ action, domain })) {
      throw SwfFault.operationNotPermitted(`Not authorized to perform swf:${action}${domain ? ` on domain ${domain}` : ''}`);
    }
    let result: unknown;
    try {
      result = await (SWF_ACTIONS[action] as ActionHandler)(this.ctx, input, options);
    } finally {
      // Committed before it is answered: a caller never hears of a change a restart would lose.
      this.commit();
    }
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
    this.commit();
    this.ctx.journal.close();
  }

  private commit(): void {
    try {
      this.ctx.journal.commit();
    } catch (error) {
      throw unavailable(error as Error);
    }
  }
}

function unavailable(failure: Error): SwfFault {
  return new SwfFault('ServiceUnavailableException', failure.message, 503);
}

/** The domain a request names: `domain`, or `name` for the domain actions. */
function domainNamed(action: string, input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const body = input as { domain?: unknown; name?: unknown };
  const value = action.endsWith('Domain') ? body.name : body.domain;
  return typeof value === 'string' ? value : undefined;
}
