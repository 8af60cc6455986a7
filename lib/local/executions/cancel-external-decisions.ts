import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';
import { type DecisionSpec, NOT_PERMITTED } from '../decision-tasks/decision-spec';
import { readPayload, readWorkflowId } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';
import { requestCancelExecution } from './execution-lifecycle';
import { reachExternal, type ExternalEvents } from './external-delivery';
import { externalFailure } from './external-failure';

/** Asks the target to cancel (its WorkflowExecutionCancelRequested), in SWF's shape of external decisions. */
function requestCancelExternal(scope: DecisionScope, a: DecisionAttributesMap['RequestCancelExternalWorkflowExecution']): void {
  reachExternal(scope, a, CANCEL_EVENTS, {}, (target, initiatedEventId) =>
    requestCancelExecution(target, { externalWorkflowExecution: scope.execution.ref, externalInitiatedEventId: initiatedEventId }),
  );
}

const CANCEL_EVENTS: ExternalEvents = {
  initiated: 'RequestCancelExternalWorkflowExecutionInitiated',
  failed: 'RequestCancelExternalWorkflowExecutionFailed',
  delivered: 'ExternalWorkflowExecutionCancelRequested',
};

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
