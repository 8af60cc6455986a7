import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import { compact } from '../compact';
import type { Deferred } from '../deferred';
import { ExternalCommand, type ExternalTarget } from './external.command';
import type { Settler } from './settler';

/** `RequestCancelExternalWorkflowExecution` (cancelling a child, or any execution) and its events. */
export class CancelExternalCommand extends ExternalCommand {
  readonly kind = 'cancel-external';
  readonly label = '';

  constructor(id: string, target: ExternalTarget, future: Deferred<unknown> | undefined, settler: Settler) {
    super(id, target, future, settler);
  }

  decisionType(): DecisionType {
    return 'RequestCancelExternalWorkflowExecution';
  }

  decision(): Decision {
    return {
      decisionType: 'RequestCancelExternalWorkflowExecution',
      requestCancelExternalWorkflowExecutionDecisionAttributes: compact({
        workflowId: this.target.workflowId,
        runId: this.target.runId,
      }),
    };
  }
}
