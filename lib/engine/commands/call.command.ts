import { ResultDecodingFailure, type CallOrigin } from '../call-failures';
import type { Deferred } from '../deferred';
import { decodePayload } from '../../swf';
import { Command } from './command';
import type { CommandState } from './command-state';
import type { Settler } from './settler';

const FROM_OPEN: readonly CommandState[] = ['scheduled', 'initiated', 'started', 'cancel-requested'];
const FROM_SENT: readonly CommandState[] = ['sent'];
const FROM_SENT_OR_INITIATED: readonly CommandState[] = ['sent', 'initiated'];
const FROM_SCHEDULED_OR_INITIATED: readonly CommandState[] = ['scheduled', 'initiated'];

/**
 * A command SWF runs and closes with an outcome event: Lambda, activity, child
 * workflow, timer, external signal or cancel request. The transitions shared by
 * these kinds live here; each kind adds its own decisions and events.
 */
export abstract class CallCommand extends Command {
  constructor(
    id: string,
    future: Deferred<unknown> | undefined,
    protected readonly settler: Settler,
  ) {
    super(id, future);
  }

  /** SWF recorded the decision (`…Scheduled`, `…Initiated`, `TimerStarted`). */
  recorded(to: 'scheduled' | 'initiated' | 'started', cause: string): void {
    this.move(to, cause, FROM_SENT);
  }

  /** SWF refused the decision (`Schedule…Failed`, `StartTimerFailed`, …): the workflow's future rejects with `failure`. */
  refused(cause: string, failure: (origin: CallOrigin) => Error, eventId: number): void {
    this.move('failed-to-schedule', cause, FROM_SENT_OR_INITIATED);
    this.settler.reject(this.future, failure(this.origin(eventId)));
  }

  /** The call began running (`ActivityTaskStarted`, `LambdaFunctionStarted`, `ChildWorkflowExecutionStarted`). */
  began(cause: string): void {
    if (this.state === 'cancel-requested') this.note(cause);
    else this.move('started', cause, FROM_SCHEDULED_OR_INITIATED);
  }

  /** Closed with a JSON result; text that is not JSON rejects the future with `ResultDecodingFailure`. */
  completed(cause: string, eventId: number, result: string | undefined): void {
    this.move('closed', cause, FROM_OPEN);
    let value: unknown;
    try {
      value = decodePayload(result, `The result of ${this.id}`);
    } catch (error) {
      this.settler.reject(this.future, new ResultDecodingFailure(result ?? '', this.origin(eventId), (error as Error).cause ?? error));
      return;
    }
    this.settler.resolve(this.future, value);
  }

  /** Closed without a result (failed, timed out, terminated): the future rejects with `failure`. */
  failed(cause: string, eventId: number, failure: (origin: CallOrigin) => Error): void {
    this.move('closed', cause, FROM_OPEN);
    this.settler.reject(this.future, failure(this.origin(eventId)));
  }

  /** SWF reports the call cancelled (`ActivityTaskCanceled`, `TimerCanceled`, …). */
  cancelled(cause: string, eventId: number, failure: (origin: CallOrigin) => Error): void {
    this.move('cancelled', cause, FROM_OPEN);
    this.settler.reject(this.future, failure(this.origin(eventId)));
  }

  /** The future rejects now (the execution's cancellation reaching a Lambda or timer); SWF's later events only close the call. */
  rejectNow(error: Error): void {
    this.note('rejected by the workflow');
    this.settler.reject(this.future, error);
  }

  /** Where a failure came from, for the workflow to log or branch on. */
  origin(eventId: number): CallOrigin {
    return { callId: this.id, eventId };
  }

  /** SWF still runs it (or is about to): there is something to cancel. */
  get running(): boolean {
    return this.state === 'sent' || FROM_OPEN.includes(this.state);
  }
}
