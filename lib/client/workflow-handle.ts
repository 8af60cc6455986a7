import { GetWorkflowExecutionHistoryCommand, type HistoryEvent, type WorkflowExecutionDetail } from '@aws-sdk/client-swf';
import { setTimeout as delay } from 'node:timers/promises';
import type { ChildPolicy } from '../metadata/options';
import { ResultTimeoutError, WorkflowNotFoundError } from './client.errors';
import { closeOutcome } from './close-event';
import { signalNameOf } from '../metadata/signal-name';
import { decodePayload } from '../swf';
import { publishedState } from './published-state';
import { swfCall } from './swf-call';
import type { WorkflowClient } from './workflow-client';

/** How `result()` waits: it reads the execution's last event, backing off between reads. */
export interface ResultOptions {
  /** Give up (with `ResultTimeoutError`) after this long; by default, wait as long as it takes. */
  timeoutMs?: number;
  /** The first wait between reads; it grows by half each time up to `maxPollIntervalMs`. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  signal?: AbortSignal;
}

/** One workflow execution (the current run, or a given one) and what can be done with it. */
export class WorkflowHandle<O = unknown> {
  constructor(
    private readonly client: WorkflowClient,
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
    let runId = this.runId ?? (await this.currentRunId());
    for (;;) {
      options.signal?.throwIfAborted();
      const execution = { workflowId: this.workflowId, runId };
      const last = await this.lastEvent(runId);
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
    const runId = this.runId ?? (await this.currentRunId());
    return publishedState<T>(await this.client.describe(this.workflowId, runId), { workflowId: this.workflowId, runId });
  }

  cancel(): Promise<void> {
    return this.client.cancel(this.workflowId, this.runId);
  }

  terminate(options: { reason?: string; details?: string; childPolicy?: ChildPolicy } = {}): Promise<void> {
    return this.client.terminate(this.workflowId, { ...options, runId: this.runId });
  }

  async describe(): Promise<WorkflowExecutionDetail> {
    return this.client.describe(this.workflowId, this.runId ?? (await this.currentRunId()));
  }

  async history(options: { reverseOrder?: boolean } = {}): Promise<HistoryEvent[]> {
    return this.client.history(this.workflowId, this.runId ?? (await this.currentRunId()), options);
  }

  private async lastEvent(runId: string): Promise<HistoryEvent | undefined> {
    const page = await swfCall('GetWorkflowExecutionHistory', `of ${this.workflowId} (run ${runId})`, () =>
      this.client.swf.send(
        new GetWorkflowExecutionHistoryCommand({
          domain: this.client.domain,
          execution: { workflowId: this.workflowId, runId },
          reverseOrder: true,
          maximumPageSize: 1,
        }),
      ),
    );
    return page.events?.[0];
  }

  /** Without a run id: the open run of the workflow id, else the most recently started closed one. */
  private async currentRunId(): Promise<string> {
    const open = await this.client.list({ status: 'open', workflowId: this.workflowId, startedAfter: new Date(0), limit: 1 });
    const info =
      open[0] ?? (await this.client.list({ status: 'closed', workflowId: this.workflowId, startedAfter: new Date(0), limit: 1 }))[0];
    const runId = info?.execution?.runId;
    if (!runId) throw new WorkflowNotFoundError(this.workflowId, this.client.domain);
    return runId;
  }
}
