import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import { compact } from '../compact';
import type { Deferred } from '../deferred';
import { ExternalCommand, type ExternalTarget } from './external.command';
import type { Settler } from './settler';

/** `SignalExternalWorkflowExecution` and its events; `label` is the signal's name. */
export class SignalExternalCommand extends ExternalCommand {
  readonly kind = 'signal-external';

  constructor(
    id: string,
    target: ExternalTarget,
    readonly label: string,
    private readonly input: string | undefined,
    future: Deferred<unknown>,
    settler: Settler,
  ) {
    super(id, target, future, settler);
  }

  decisionType(): DecisionType {
    return 'SignalExternalWorkflowExecution';
  }

  decision(): Decision {
    return {
      decisionType: 'SignalExternalWorkflowExecution',
      signalExternalWorkflowExecutionDecisionAttributes: compact({
        workflowId: this.target.workflowId,
        runId: this.target.runId,
        signalName: this.label,
        input: this.input,
      }),
    };
  }

  override payloadLength(): number {
    return this.input?.length ?? 0;
  }
}
