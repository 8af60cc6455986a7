import { requestCancelExecution } from '../executions/execution-lifecycle';
import type { ExecutionRecord } from '../model/execution-record';
import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';

/** The open run of `workflowId` in the execution's domain (the given run, when `runId` is set). */
function findOpen(execution: ExecutionRecord, workflowId: string, runId?: string): ExecutionRecord | undefined {
  const target = execution.domain.openByWorkflowId.get(workflowId);
  return target && (!runId || target.runId === runId) ? target : undefined;
}

export function signalExternal(scope: DecisionScope, a: DecisionAttributesMap['SignalExternalWorkflowExecution']): void {
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
    const target = findOpen(execution, workflowId!, runId);
    if (!target) {
      execution.addEvent('SignalExternalWorkflowExecutionFailed', {
        workflowId,
        runId,
        cause: 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION',
        initiatedEventId,
        decisionTaskCompletedEventId,
        control,
      });
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

export function requestCancelExternal(scope: DecisionScope, a: DecisionAttributesMap['RequestCancelExternalWorkflowExecution']): void {
  const { execution, completedEventId: decisionTaskCompletedEventId } = scope;
  const { workflowId, runId, control } = a;
  const initiatedEventId = execution.addEvent('RequestCancelExternalWorkflowExecutionInitiated', {
    workflowId,
    runId,
    decisionTaskCompletedEventId,
    control,
  });
  scope.after.push(() => {
    const target = findOpen(execution, workflowId!, runId);
    if (!target) {
      execution.addEvent('RequestCancelExternalWorkflowExecutionFailed', {
        workflowId,
        runId,
        cause: 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION',
        initiatedEventId,
        decisionTaskCompletedEventId,
        control,
      });
      return;
    }
    requestCancelExecution(target, {
      externalWorkflowExecution: execution.ref,
      externalInitiatedEventId: initiatedEventId,
    });
    execution.addEvent('ExternalWorkflowExecutionCancelRequested', { workflowExecution: target.ref, initiatedEventId });
  });
}
