import type { CommandState } from './command-state';
import type { StartChildWorkflowExecutionDecisionAttributes } from '@aws-sdk/client-swf';
import { AttributedCommand } from './attributed.command';

const FROM_STARTED: readonly CommandState[] = ['started'];

/**
 * `StartChildWorkflowExecution` and the child's events. Cancelling a child is a
 * request to another execution (`RequestCancelExternalWorkflowExecution`), so it
 * is a `CancelExternalCommand` of its own, made once SWF has told the child's run id.
 */
export class ChildCommand extends AttributedCommand<Omit<StartChildWorkflowExecutionDecisionAttributes, 'workflowId'>> {
  readonly kind = 'child';
  /** The child's run id, once `ChildWorkflowExecutionStarted` told it. */
  runId?: string;
  /** The workflow asked to cancel it before SWF reported its start: the request goes out once it does. */
  cancelWanted = false;

  protected readonly shape = {
    type: 'StartChildWorkflowExecution',
    key: 'startChildWorkflowExecutionDecisionAttributes',
    id: 'workflowId',
  } as const;

  /** `ChildWorkflowExecutionStarted`: the run id a cancel request names. */
  startedAs(runId: string | undefined): void {
    this.began('ChildWorkflowExecutionStarted');
    this.runId = runId;
  }

  /** A cancel request for this child is on its way. */
  requestCancel(): void {
    this.move('cancel-requested', 'cancel requested', FROM_STARTED);
  }
}
