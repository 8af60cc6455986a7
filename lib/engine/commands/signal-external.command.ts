import { ExternalCommand, type ExternalTarget } from './external.command';

/** `SignalExternalWorkflowExecution` and its events; `label` is the signal's name. */
export class SignalExternalCommand extends ExternalCommand<ExternalTarget & { readonly signalName: string; readonly input?: string }> {
  readonly kind = 'signal-external';
  protected readonly shape = { type: 'SignalExternalWorkflowExecution', key: 'signalExternalWorkflowExecutionDecisionAttributes' } as const;
}
