import type { CommandState } from './command-state';
import type { Decision, ScheduleActivityTaskDecisionAttributes } from '@aws-sdk/client-swf';
import { AttributedCommand } from './attributed.command';

const FROM_SENT_OR_SCHEDULED_OR_STARTED: readonly CommandState[] = ['sent', 'scheduled', 'started'];

/** `ScheduleActivityTask`, cancelled with `RequestCancelActivityTask`, and their events. */
export class ActivityCommand extends AttributedCommand<Omit<ScheduleActivityTaskDecisionAttributes, 'activityId'>> {
  readonly kind = 'activity';

  protected readonly shape = { type: 'ScheduleActivityTask', key: 'scheduleActivityTaskDecisionAttributes', id: 'activityId' } as const;

  protected override cancelDecision(): Decision {
    return { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: this.id } };
  }

  /** The workflow asked SWF to stop it (`RequestCancelActivityTask` goes out with this activation). */
  requestCancel(): void {
    this.move('cancel-requested', 'cancel requested', FROM_SENT_OR_SCHEDULED_OR_STARTED);
  }

  /** `ActivityTaskCancelRequested` or `RequestCancelActivityTaskFailed`: the request's record; the outcome follows (or came) on its own. */
  cancelRecorded(cause: string): void {
    this.note(cause);
  }
}
