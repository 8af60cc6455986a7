import type { CommandState } from './command-state';
import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import type { Deferred } from '../deferred';
import { CallCommand } from './call.command';
import type { CommandAction } from './command';
import type { Settler } from './settler';

const FROM_STARTED_OR_CANCEL_REQUESTED: readonly CommandState[] = ['started', 'cancel-requested'];
const FROM_SENT_OR_STARTED: readonly CommandState[] = ['sent', 'started'];
const FROM_CANCEL_REQUESTED: readonly CommandState[] = ['cancel-requested'];

/** `StartTimer`, cancelled with `CancelTimer`, and their events. */
export class TimerCommand extends CallCommand {
  readonly kind = 'timer';
  readonly label = '';

  /**
   * @param internal the engine's own zero-second timer that carries a split response over: its firing settles nothing.
   */
  constructor(
    id: string,
    private readonly seconds: string,
    future: Deferred<unknown> | undefined,
    settler: Settler,
    readonly internal = false,
  ) {
    super(id, future, settler);
  }

  decisionType(action: CommandAction): DecisionType {
    return action === 'start' ? 'StartTimer' : 'CancelTimer';
  }

  decision(action: CommandAction): Decision {
    if (action === 'cancel') return { decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: this.id } };
    return { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: this.id, startToFireTimeout: this.seconds } };
  }

  /** `TimerFired`. */
  fired(): void {
    this.move('closed', 'TimerFired', FROM_STARTED_OR_CANCEL_REQUESTED);
    this.settler.resolve(this.future, undefined);
  }

  /** `CancelTimer` goes out with this activation. */
  requestCancel(): void {
    this.move('cancel-requested', 'cancel requested', FROM_SENT_OR_STARTED);
  }

  /** `TimerCanceled`: its future was settled when the workflow cancelled it. */
  confirmCancel(): void {
    this.move('cancelled', 'TimerCanceled', FROM_CANCEL_REQUESTED);
  }

  /** `CancelTimerFailed`: the timer had fired already; `TimerFired` closed it. */
  cancelFailed(): void {
    this.note('CancelTimerFailed');
  }
}
