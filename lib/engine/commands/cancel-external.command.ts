import { ExternalCommand, type ExternalTarget } from './external.command';

/** `RequestCancelExternalWorkflowExecution` (cancelling a child, or any execution) and its events. */
export class CancelExternalCommand extends ExternalCommand<ExternalTarget> {
  readonly kind = 'cancel-external';
  protected readonly shape = {
    type: 'RequestCancelExternalWorkflowExecution',
    key: 'requestCancelExternalWorkflowExecutionDecisionAttributes',
  } as const;
}
