import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';
import { type DecisionSpec, NOT_PERMITTED } from '../decision-tasks/decision-spec';
import { readPayload, readWorkflowId } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';
import { requestCancelExecution } from './execution-lifecycle';
import { findOpenExecution } from './execution-lookup';
import { externalFailure } from './external-failure';

/**
 * RequestCancelExternalWorkflowExecutionInitiated now; after the decisions,
 * the target's WorkflowExecutionCancelRequested and this run's
 * ExternalWorkflowExecutionCancelRequested (or the Failed event when no such run is open).
 */
function requestCancelExternal(scope: DecisionScope, a: DecisionAttributesMap['RequestCancelExternalWorkflowExecution']): void {
  const { execution, completedEventId: decisionTaskCompletedEventId } = scope;
  const { workflowId, runId, control } = a;
  const initiatedEventId = execution.addEvent('RequestCancelExternalWorkflowExecutionInitiated', {
    workflowId,
    runId,
    decisionTaskCompletedEventId,
    control,
  });
  scope.after.push(() => {
    const target = findOpenExecution(execution.domain, workflowId!, runId);
    if (!target) {
      execution.addEvent(
        'RequestCancelExternalWorkflowExecutionFailed',
        externalFailure(a, 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION', initiatedEventId, decisionTaskCompletedEventId),
      );
      return;
    }
    requestCancelExecution(target, {
      externalWorkflowExecution: execution.ref,
      externalInitiatedEventId: initiatedEventId,
    });
    execution.addEvent('ExternalWorkflowExecutionCancelRequested', { workflowExecution: target.ref, initiatedEventId });
  });
}

export const REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION: DecisionSpec<'RequestCancelExternalWorkflowExecution'> = {
  parse: (r) => ({
    workflowId: readWorkflowId(r),
    runId: r.optionalString('runId', { max: LIMITS.runId }),
    control: readPayload(r, 'control'),
  }),
  apply: requestCancelExternal,
  deny: ({ execution, completedEventId }, a) =>
    void execution.addEvent('RequestCancelExternalWorkflowExecutionFailed', externalFailure(a, NOT_PERMITTED, 0, completedEventId)),
};
