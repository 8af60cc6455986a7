import type { Decision, DecisionType, ScheduleActivityTaskDecisionAttributes } from '@aws-sdk/client-swf';
import type { Deferred } from '../deferred';
import { CallCommand } from './call.command';
import type { CommandAction } from './command';
import type { Settler } from './settler';

/** `ScheduleActivityTask`, cancelled with `RequestCancelActivityTask`, and their events. */
export class ActivityCommand extends CallCommand {
  readonly kind = 'activity';

  constructor(
    id: string,
    readonly label: string,
    private readonly attributes: Omit<ScheduleActivityTaskDecisionAttributes, 'activityId'>,
    future: Deferred<unknown>,
    settler: Settler,
  ) {
    super(id, future, settler);
  }

  decisionType(action: CommandAction): DecisionType {
    return action === 'start' ? 'ScheduleActivityTask' : 'RequestCancelActivityTask';
  }

  decision(action: CommandAction): Decision {
    if (action === 'cancel') {
      return { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: this.id } };
    }
    return {
      decisionType: 'ScheduleActivityTask',
      scheduleActivityTaskDecisionAttributes: { ...this.attributes, activityId: this.id } as ScheduleActivityTaskDecisionAttributes,
    };
  }

  override payloadLength(): number {
    return this.attributes.input?.length ?? 0;
  }

  /** The workflow asked SWF to stop it (`RequestCancelActivityTask` goes out with this activation). */
  requestCancel(): void {
    this.move('cancel-requested', 'cancel requested', ['sent', 'scheduled', 'started']);
  }

  /** `ActivityTaskCancelRequested` or `RequestCancelActivityTaskFailed`: the request's record; the outcome follows (or came) on its own. */
  cancelRecorded(cause: string): void {
    this.note(cause);
  }
}
