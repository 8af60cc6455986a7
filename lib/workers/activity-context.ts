import { RecordActivityTaskHeartbeatCommand, type ActivityType, type SWFClient, type WorkflowExecution } from '@aws-sdk/client-swf';
import { TsflowError } from '../errors/tsflow.error';
import { MAX_HEARTBEAT_DETAILS_LENGTH } from '../swf';
import { CompleteLater } from './complete-later';
import { retryTransient } from './retry-transient';

/** Thrown by `heartbeat()` once SWF has asked for the activity to be cancelled. */
export class ActivityCancelledError extends TsflowError {
  constructor(readonly activityId: string) {
    super(`Activity ${activityId} was cancelled by its workflow.`);
  }
}

/** The reason `context.signal` carries when SWF closed the task (a timeout, or the execution closed) or the worker shut down. */
export class ActivityAbandonedError extends TsflowError {
  constructor(
    readonly activityId: string,
    readonly why: string,
  ) {
    super(`Activity ${activityId} was abandoned by its worker: ${why}. SWF no longer accepts its result.`);
  }
}

/**
 * What an activity method receives as its second argument: where it runs,
 * a way to heartbeat, and an abort signal that fires when the workflow asks
 * for cancellation (SWF reports that in the heartbeat's answer).
 *
 * @example
 * ```ts
 * @Activity({ defaultTaskHeartbeatTimeout: 30 })
 * async pack(order: Order, context: ActivityContext): Promise<void> {
 *   for (const item of order.items) {
 *     await context.heartbeat({ packed: item.sku }); // throws ActivityCancelledError once cancelled
 *     await this.warehouse.pack(item, { signal: context.signal });
 *   }
 * }
 * ```
 */
export class ActivityContext {
  private readonly controller = new AbortController();
  private cancelled = false;
  private lastBeat = Date.now();

  constructor(
    private readonly swf: SWFClient,
    /** SWF's token of this task: whoever holds it can finish the task (`client.activityCompletion(taskToken)`). */
    readonly taskToken: string,
    readonly activityId: string,
    readonly activityType: ActivityType,
    readonly workflowExecution: WorkflowExecution,
    /** Which try this is: SWF has no retry count, so this is 1 unless the activity id ends in `#<n>` (a retry scheduled as `<id>#<n>`). */
    readonly attempt: number,
  ) {}

  /**
   * Fires when SWF reports that cancellation was requested, when the task's
   * timeout passed (SWF has moved on), or when the worker shuts down with the
   * activity still running: pass it to I/O so that nothing hangs.
   */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get cancelRequested(): boolean {
    return this.cancelled;
  }

  /** When the activity last heartbeat (or started), in epoch ms: the worker's heartbeat-timeout watch starts from it. */
  get lastHeartbeatAt(): number {
    return this.lastBeat;
  }

  /** Aborts the signal because SWF no longer waits for this task; the worker then drops whatever the method returns. */
  abandon(why: string): void {
    if (!this.controller.signal.aborted) this.controller.abort(new ActivityAbandonedError(this.activityId, why));
  }

  /** Records a heartbeat (SWF `RecordActivityTaskHeartbeat`); throws `ActivityCancelledError` once cancelled. */
  async heartbeat(details?: unknown): Promise<void> {
    const text = details === undefined ? undefined : typeof details === 'string' ? details : JSON.stringify(details);
    if (text !== undefined && text.length > MAX_HEARTBEAT_DETAILS_LENGTH) {
      throw new TsflowError(
        `Heartbeat details of activity ${this.activityType.name} ${this.activityType.version} (activity id ${this.activityId}) ` +
          `are ${text.length} characters; SWF allows at most ${MAX_HEARTBEAT_DETAILS_LENGTH}. ` +
          'Heartbeat a short progress marker (a count, a cursor) and keep the rest elsewhere.',
      );
    }
    const { cancelRequested } = await retryTransient(() =>
      this.swf.send(new RecordActivityTaskHeartbeatCommand({ taskToken: this.taskToken, details: text })),
    );
    this.lastBeat = Date.now();
    if (cancelRequested && !this.cancelled) {
      this.cancelled = true;
      if (!this.controller.signal.aborted) this.controller.abort(new ActivityCancelledError(this.activityId));
    }
    if (this.cancelled) throw new ActivityCancelledError(this.activityId);
  }

  /**
   * Leaves the task open, to be finished by whoever holds `taskToken`: return
   * what this gives, and the worker sends nothing for the task and frees its
   * slot at once. Finish it with `client.activityCompletion(taskToken)`
   * (`.complete(result)`, `.fail(reason, details)`, `.reportCancelled()`),
   * before the activity's timeouts run out; heartbeat meanwhile if it has a
   * heartbeat timeout. Typed `never` so that it fits any activity's result type.
   *
   * @example
   * ```ts
   * @Activity({ defaultTaskStartToCloseTimeout: 86_400 })
   * async approve(request: Request, context: ActivityContext): Promise<Decision> {
   *   await this.inbox.ask(request, context.taskToken); // a person answers through the client
   *   return context.completeLater();
   * }
   * ```
   */
  completeLater(): never {
    return new CompleteLater(this.taskToken) as never;
  }
}
