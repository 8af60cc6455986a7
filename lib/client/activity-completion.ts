import {
  RecordActivityTaskHeartbeatCommand,
  RespondActivityTaskCanceledCommand,
  RespondActivityTaskCompletedCommand,
  RespondActivityTaskFailedCommand,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { TsflowError } from '../errors/tsflow.error';
import { MAX_HEARTBEAT_DETAILS_LENGTH, MAX_REASON_LENGTH, PayloadError, SWF_LIMITS, encodeDetails, encodePayload } from '../swf';
import { SwfRequestError } from './client.errors';
import { faultName } from './swf-call';
import { UnknownActivityTaskError, shortToken } from './unknown-activity-task.error';

/**
 * Finishes an activity task that its method left open with
 * `context.completeLater()`, from any process that holds the task token.
 * Payloads are encoded as the worker encodes them (results as JSON; details
 * as given when a string, else as JSON) and checked against SWF's limits before
 * any call. A token SWF no longer knows raises `UnknownActivityTaskError`.
 *
 * @example
 * ```ts
 * const task = client.activityCompletion(taskToken);
 * if (await task.heartbeat({ stage: 'reviewing' })) await task.reportCancelled('withdrawn');
 * else await task.complete({ approved: true });
 * ```
 */
export class ActivityCompletion {
  constructor(
    private readonly swf: SWFClient,
    readonly taskToken: string,
  ) {
    if (typeof taskToken !== 'string' || taskToken === '') {
      throw new TsflowError('activityCompletion(taskToken): the task token is empty; pass the ActivityContext.taskToken of the open task.');
    }
    if (taskToken.length > SWF_LIMITS.taskToken) {
      throw new TsflowError(
        `activityCompletion(taskToken): the task token is ${taskToken.length} characters; SWF's tokens have at most ${SWF_LIMITS.taskToken}, so this is not one.`,
      );
    }
  }

  /** Completes the task with `result` (JSON, ≤ 32,768 characters): `ActivityTaskCompleted`. */
  async complete(result?: unknown): Promise<void> {
    const encoded = encodePayload(result, `The result of activity task ${shortToken(this.taskToken)}`);
    await this.send('RespondActivityTaskCompleted', () =>
      this.swf.send(new RespondActivityTaskCompletedCommand({ taskToken: this.taskToken, result: encoded })),
    );
  }

  /** Fails the task: the workflow sees an `ActivityFailure` with this reason (≤ 256 characters) and details. */
  async fail(reason: string, details?: unknown): Promise<void> {
    if (typeof reason !== 'string')
      throw new PayloadError(`The failure reason of activity task ${shortToken(this.taskToken)} must be a string.`);
    if (reason.length > MAX_REASON_LENGTH) {
      throw new PayloadError(
        `The failure reason of activity task ${shortToken(this.taskToken)} is ${reason.length} characters; SWF allows at most ${MAX_REASON_LENGTH}. Put the rest in details.`,
      );
    }
    const encoded = encodeDetails(details, `The failure details of activity task ${shortToken(this.taskToken)}`);
    await this.send('RespondActivityTaskFailed', () =>
      this.swf.send(new RespondActivityTaskFailedCommand({ taskToken: this.taskToken, reason, details: encoded })),
    );
  }

  /** Reports the task cancelled, as the answer to a cancellation request (`ActivityTaskCanceled`). */
  async reportCancelled(details?: unknown): Promise<void> {
    const encoded = encodeDetails(details, `The cancellation details of activity task ${shortToken(this.taskToken)}`);
    await this.send('RespondActivityTaskCanceled', () =>
      this.swf.send(new RespondActivityTaskCanceledCommand({ taskToken: this.taskToken, details: encoded })),
    );
  }

  /** Records a heartbeat (details ≤ 2,048 characters); resolves whether the workflow has asked to cancel the task. */
  async heartbeat(details?: unknown): Promise<boolean> {
    const encoded = encodeDetails(
      details,
      `The heartbeat details of activity task ${shortToken(this.taskToken)}`,
      MAX_HEARTBEAT_DETAILS_LENGTH,
    );
    const { cancelRequested } = await this.send('RecordActivityTaskHeartbeat', () =>
      this.swf.send(new RecordActivityTaskHeartbeatCommand({ taskToken: this.taskToken, details: encoded })),
    );
    return cancelRequested === true;
  }

  private async send<T>(action: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const fault = faultName(error);
      // SWF answers a stale or foreign token with UnknownResourceFault: the case a token's holder must handle.
      if (fault === 'UnknownResourceFault') throw new UnknownActivityTaskError(action, this.taskToken, error);
      throw new SwfRequestError(action, fault, `for activity task token ${shortToken(this.taskToken)}`, error);
    }
  }
}
