import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';
import { type DecisionSpec, NOT_PERMITTED } from '../decision-tasks/decision-spec';
import { reachExternal, type ExternalEvents } from '../executions/external-delivery';
import { externalFailure } from '../executions/external-failure';
import { readPayload, readWorkflowId } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';

/** Signals the target (its WorkflowExecutionSignaled), in SWF's shape of external decisions. */
function signalExternal(scope: DecisionScope, a: DecisionAttributesMap['SignalExternalWorkflowExecution']): void {
  const { signalName, input } = a;
  reachExternal(
    scope,
    a,
    SIGNAL_EVENTS,
    { signalName, input },
    (target, initiatedEventId) =>
      void target.addEvent('WorkflowExecutionSignaled', {
        signalName,
        input,
        externalWorkflowExecution: scope.execution.ref,
        externalInitiatedEventId: initiatedEventId,
      }),
  );
}

const SIGNAL_EVENTS: ExternalEvents = {
  initiated: 'SignalExternalWorkflowExecutionInitiated',
  failed: 'SignalExternalWorkflowExecutionFailed',
  delivered: 'ExternalWorkflowExecutionSignaled',
};

export const SIGNAL_EXTERNAL_WORKFLOW_EXECUTION: DecisionSpec<'SignalExternalWorkflowExecution'> = {
  parse: (r) => ({
    workflowId: readWorkflowId(r),
    runId: r.optionalString('runId', { max: LIMITS.runId }),
    signalName: r.requiredString('signalName', { min: 1, max: LIMITS.name }),
    input: readPayload(r, 'input'),
    control: readPayload(r, 'control'),
  }),
  apply: signalExternal,
  deny: ({ execution, completedEventId }, a) =>
    void execution.addEvent('SignalExternalWorkflowExecutionFailed', externalFailure(a, NOT_PERMITTED, 0, completedEventId)),
};
