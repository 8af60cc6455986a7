import type { Decision, DecisionType, StartChildWorkflowExecutionDecisionAttributes } from '@aws-sdk/client-swf';
import type { Deferred } from '../deferred';
import { CallCommand } from './call.command';
import type { Settler } from './settler';

/**
 * `StartChildWorkflowExecution` and the child's events. Cancelling a child is a
 * request to another execution (`RequestCancelExternalWorkflowExecution`), so it
 * is a `CancelExternalCommand` of its own, made once SWF has told the child's run id.
 */
export class ChildCommand extends CallCommand {
  readonly kind = 'child';
  /** The child's run id, once `ChildWorkflowExecutionStarted` told it. */
  runId?: string;
  /** The workflow asked to cancel it before SWF reported its start: the request goes out once it does. */
  cancelWanted = false;

  constructor(
    id: string,
    readonly label: string,
    private readonly attributes: Omit<StartChildWorkflowExecutionDecisionAttributes, 'workflowId'>,
    future: Deferred<unknown>,
    settler: Settler,
  ) {
    super(id, future, settler);
  }

  decisionType(): DecisionType {
    return 'StartChildWorkflowExecution';
  }

  decision(): Decision {
    return {
      decisionType: 'StartChildWorkflowExecution',
      startChildWorkflowExecutionDecisionAttributes: {
        ...this.attributes,
        workflowId: this.id,
      } as StartChildWorkflowExecutionDecisionAttributes,
    };
  }

  override payloadLength(): number {
    return this.attributes.input?.length ?? 0;
  }

  /** `ChildWorkflowExecutionStarted`: the run id a cancel request names. */
  startedAs(runId: string | undefined): void {
    this.began('ChildWorkflowExecutionStarted');
    this.runId = runId;
  }

  /** A cancel request for this child is on its way. */
  requestCancel(): void {
    this.move('cancel-requested', 'cancel requested', ['started']);
  }
}
