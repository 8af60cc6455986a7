import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';
import { type DecisionSpec, NOT_PERMITTED } from '../decision-tasks/decision-spec';
import { findOpenExecution } from '../executions/execution-lookup';
import { externalFailure } from '../executions/external-failure';
import { readPayload, readWorkflowId } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';

/**
 * SignalExternalWorkflowExecutionInitiated now; after the decisions, the
 * target's WorkflowExecutionSignaled and this run's ExternalWorkflowExecutionSignaled
 * (or SignalExternalWorkflowExecutionFailed when no such run is open).
 */
function signalExternal(scope: DecisionScope, a: DecisionAttributesMap['SignalExternalWorkflowExecution']): void {
  const { execution, completedEventId: decisionTaskCompletedEventId } = scope;
  const { workflowId, runId, control } = a;
  const initiatedEventId = execution.addEvent('SignalExternalWorkflowExecutionInitiated', {
    workflowId,
    runId,
    signalName: a.signalName,
    input: a.input,
    decisionTaskCompletedEventId,
    control,
  });
  scope.after.push(() => {
    const target = findOpenExecution(execution.domain, workflowId!, runId);
    if (!target) {
      execution.addEvent(
        'SignalExternalWorkflowExecutionFailed',
        externalFailure(a, 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION', initiatedEventId, decisionTaskCompletedEventId),
      );
      return;
    }
    target.addEvent('WorkflowExecutionSignaled', {
      signalName: a.signalName,
      input: a.input,
      externalWorkflowExecution: execution.ref,
      externalInitiatedEventId: initiatedEventId,
    });
    execution.addEvent('ExternalWorkflowExecutionSignaled', { workflowExecution: target.ref, initiatedEventId });
  });
}

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
