import type { HistoryEvent, WorkflowExecutionDetail } from '@aws-sdk/client-swf';
import { setTimeout as delay } from 'node:timers/promises';
import { ResultTimeoutError } from './client.errors';
import { closeOutcome } from './close-event';
import { signalNameOf } from '../metadata/signal-name';
import { decodePayload } from '../swf';
import type { ExecutionOperations, TerminateOptions } from './execution-operations';
import { publishedState } from './published-state';

/** How `result()` waits: it reads the execution's last event, backing off between reads. */
export interface ResultOptions {
  /** Give up (with `ResultTimeoutError`) after this long; by default, wait as long as it takes. */
  timeoutMs?: number;
  /** The first wait between reads; it grows by half each time up to `maxPollIntervalMs`. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  signal?: AbortSignal;
}

/**
 * One workflow execution (the current run, or a given one) and what can be
 * done with it. Made by `WorkflowClient.start` and `WorkflowClient.getHandle`.
 *
 * @example
 * ```ts
 * const run = client.getHandle<string>('order-42');
 * await run.signal('paid', { amount: 10 });
 * console.log(await run.result({ timeoutMs: 60_000 }));
 * ```
 */
export class WorkflowHandle<O = unknown> {
  constructor(
    private readonly client: ExecutionOperations,
    readonly workflowId: string,
    /** The run this handle was made for; `result()` follows continue-as-new from it. */
    readonly runId: string | undefined,
  ) {}

  /**
   * The decoded result once the execution completes. Rejects with
   * `WorkflowExecutionFailedError`, `…TimedOutError`, `…TerminatedError` or
   * `…CanceledError`; follows continue-as-new to the last run.
   */
  async result(options: ResultOptions = {}): Promise<O> {
    const started = Date.now();
    const maxInterval = options.maxPollIntervalMs ?? 1000;
    let interval = options.pollIntervalMs ?? 25;
    let runId = this.runId ?? (await this.client.latestRunId(this.workflowId));
    for (;;) {
      options.signal?.throwIfAborted();
      const execution = { workflowId: this.workflowId, runId };
      const last = await this.client.lastEvent(this.workflowId, runId);
      const outcome = closeOutcome(last, execution);
      if (outcome.kind === 'completed') return decodePayload<O>(outcome.result, `The result of workflow ${this.workflowId} (run ${runId})`);
      if (outcome.kind === 'error') throw outcome.error;
      if (outcome.kind === 'continued') {
        runId = outcome.newRunId;
        continue;
      }
      const waited = Date.now() - started;
      if (options.timeoutMs !== undefined && waited >= options.timeoutMs) throw new ResultTimeoutError(execution, waited);
      const wait = options.timeoutMs === undefined ? interval : Math.min(interval, options.timeoutMs - waited);
      await delay(wait, undefined, { signal: options.signal });
      interval = Math.min(maxInterval, Math.ceil(interval * 1.5));
    }
  }

  /**
   * Sends a signal (SWF `SignalWorkflowExecution`) with `input` as JSON. Given the
   * workflow's signal method instead of a name, the name comes from its
   * `@Signal` (or is the method's name) and the compiler checks `input` against
   * the method's parameter.
   *
   * @example
   * ```ts
   * await handle.signal(Approval.prototype.onApprove, { by: 'ana' }); // typed by onApprove(input: Approver)
   * await handle.signal('approve', { by: 'ana' });                     // the same signal, untyped
   * ```
   */
  signal<A extends [input?: unknown]>(method: (...input: A) => unknown, ...input: A): Promise<void>;
  signal(signalName: string, input?: unknown): Promise<void>;
  signal(target: string | ((input?: unknown) => unknown), input?: unknown): Promise<void> {
    const signalName = typeof target === 'string' ? target : signalNameOf(target);
    return this.client.signal(this.workflowId, signalName, input, this.runId);
  }

  /**
   * The state the workflow published last (`executionContext`, from `DescribeWorkflowExecution`'s
   * `latestExecutionContext`), decoded from JSON; `undefined` before it published any.
   * Rejects with `PayloadError` when the published text is not JSON.
   *
   * @example
   * ```ts
   * const progress = await handle.state<{ approved: boolean }>();
   * ```
   */
  async state<T = unknown>(): Promise<T | undefined> {
    const runId = this.runId ?? (await this.client.latestRunId(this.workflowId));
    return publishedState<T>(await this.client.describe(this.workflowId, runId), { workflowId: this.workflowId, runId });
  }

  /** Asks the execution to cancel (SWF `RequestCancelWorkflowExecution`); the workflow decides how it closes. */
  cancel(): Promise<void> {
    return this.client.cancel(this.workflowId, this.runId);
  }

  /** Closes the execution at once (SWF `TerminateWorkflowExecution`), with an optional reason and details. */
  terminate(options: Omit<TerminateOptions, 'runId'> = {}): Promise<void> {
    return this.client.terminate(this.workflowId, { ...options, runId: this.runId });
  }

  /** SWF's description of the run: status, counts of open calls, configuration. */
  async describe(): Promise<WorkflowExecutionDetail> {
    return this.client.describe(this.workflowId, this.runId ?? (await this.client.latestRunId(this.workflowId)));
  }

  /** Every event of the run's history, all pages merged. */
  async history(options: { reverseOrder?: boolean } = {}): Promise<HistoryEvent[]> {
    return this.client.history(this.workflowId, this.runId ?? (await this.client.latestRunId(this.workflowId)), options);
  }
}
