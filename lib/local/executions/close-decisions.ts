import type { ContinueAsNewWorkflowExecutionFailedCause } from '@aws-sdk/client-swf';
import { decisionOverrides, resolveExecutionConfig } from './config-resolution';
import { closeExecution, startExecution } from './execution-lifecycle';
import { continuedParentLink, moveChildLink } from '../children/child-notifications';
import { newRunId } from '../service/secure-tokens';
import { typeKey } from '../model/type-record';
import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import { readNewRunSettings } from '../decision-tasks/decision-readers';
import { type DecisionSpec, NOT_PERMITTED } from '../decision-tasks/decision-spec';
import { readPayload } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';
import type { DecisionScope } from '../decision-tasks/decision-scope';

// Each closing decision fails with UNHANDLED_DECISION when events arrived
// while its decision task was started: the decider has not seen them yet.

function completeExecution(scope: DecisionScope, a: DecisionAttributesMap['CompleteWorkflowExecution']): void {
  const { ctx, execution, completedEventId: decisionTaskCompletedEventId } = scope;
  if (scope.unhandled) {
    execution.addEvent('CompleteWorkflowExecutionFailed', { cause: 'UNHANDLED_DECISION', decisionTaskCompletedEventId });
    return;
  }
  execution.addEvent('WorkflowExecutionCompleted', { result: a.result, decisionTaskCompletedEventId });
  closeExecution(ctx, execution, { status: 'COMPLETED', result: a.result }, execution.config.childPolicy);
}

function failExecution(scope: DecisionScope, a: DecisionAttributesMap['FailWorkflowExecution']): void {
  const { ctx, execution, completedEventId: decisionTaskCompletedEventId } = scope;
  if (scope.unhandled) {
    execution.addEvent('FailWorkflowExecutionFailed', { cause: 'UNHANDLED_DECISION', decisionTaskCompletedEventId });
    return;
  }
  execution.addEvent('WorkflowExecutionFailed', { reason: a.reason, details: a.details, decisionTaskCompletedEventId });
  closeExecution(ctx, execution, { status: 'FAILED', reason: a.reason, details: a.details }, execution.config.childPolicy);
}

function cancelExecution(scope: DecisionScope, a: DecisionAttributesMap['CancelWorkflowExecution']): void {
  const { ctx, execution, completedEventId: decisionTaskCompletedEventId } = scope;
  if (scope.unhandled) {
    execution.addEvent('CancelWorkflowExecutionFailed', { cause: 'UNHANDLED_DECISION', decisionTaskCompletedEventId });
    return;
  }
  execution.addEvent('WorkflowExecutionCanceled', { details: a.details, decisionTaskCompletedEventId });
  closeExecution(ctx, execution, { status: 'CANCELED', details: a.details }, execution.config.childPolicy);
}

/**
 * Closes this run and starts a new one with the same workflow id. As in
 * SWF, settings the decision leaves out come from the type's registration
 * defaults, not from the current run: a decider that started the run with
 * explicit values passes them again (or gets DEFAULT_*_UNDEFINED).
 */
function continueAsNew(scope: DecisionScope, a: DecisionAttributesMap['ContinueAsNewWorkflowExecution']): void {
  const { ctx, execution, completedEventId: decisionTaskCompletedEventId } = scope;
  const fail = (cause: ContinueAsNewWorkflowExecutionFailedCause) =>
    void execution.addEvent('ContinueAsNewWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId });
  if (scope.unhandled) return fail('UNHANDLED_DECISION');
  const workflowType = { name: execution.workflowType.name, version: a.workflowTypeVersion ?? execution.workflowType.version };
  const type = execution.domain.workflowTypes.get(typeKey(workflowType.name!, workflowType.version!));
  if (!type) return fail('WORKFLOW_TYPE_DOES_NOT_EXIST');
  if (type.status === 'DEPRECATED') return fail('WORKFLOW_TYPE_DEPRECATED');
  const resolution = resolveExecutionConfig(type, decisionOverrides(a));
  if (resolution.missing) return fail(resolution.missing);
  const { config } = resolution;
  const runId = newRunId();
  const tagList = a.tagList ?? [];
  execution.addEvent('WorkflowExecutionContinuedAsNew', {
    input: a.input,
    decisionTaskCompletedEventId,
    newExecutionRunId: runId,
    executionStartToCloseTimeout: config.executionStartToCloseTimeout,
    taskList: { name: config.taskList },
    taskPriority: config.taskPriority,
    taskStartToCloseTimeout: config.taskStartToCloseTimeout,
    childPolicy: config.childPolicy,
    tagList: tagList.length ? tagList : undefined,
    workflowType,
    lambdaRole: config.lambdaRole,
  });
  closeExecution(ctx, execution, { status: 'CONTINUED_AS_NEW' }, execution.config.childPolicy);
  const parent = continuedParentLink(execution);
  const next = startExecution(ctx, execution.domain, {
    workflowId: execution.workflowId,
    workflowType,
    config,
    input: a.input,
    tagList,
    parent,
    continuedExecutionRunId: execution.runId,
    runId,
  });
  if (parent) moveChildLink(parent, next);
}

export const COMPLETE_WORKFLOW_EXECUTION: DecisionSpec<'CompleteWorkflowExecution'> = {
  parse: (r) => ({ result: readPayload(r, 'result') }),
  apply: completeExecution,
  deny: ({ execution, completedEventId }) =>
    void execution.addEvent('CompleteWorkflowExecutionFailed', { cause: NOT_PERMITTED, decisionTaskCompletedEventId: completedEventId }),
  attributesOptional: true,
};

export const FAIL_WORKFLOW_EXECUTION: DecisionSpec<'FailWorkflowExecution'> = {
  parse: (r) => ({ reason: r.optionalString('reason', { max: LIMITS.reason }), details: readPayload(r, 'details') }),
  apply: failExecution,
  deny: ({ execution, completedEventId }) =>
    void execution.addEvent('FailWorkflowExecutionFailed', { cause: NOT_PERMITTED, decisionTaskCompletedEventId: completedEventId }),
  attributesOptional: true,
};

export const CANCEL_WORKFLOW_EXECUTION: DecisionSpec<'CancelWorkflowExecution'> = {
  parse: (r) => ({ details: readPayload(r, 'details') }),
  apply: cancelExecution,
  deny: ({ execution, completedEventId }) =>
    void execution.addEvent('CancelWorkflowExecutionFailed', { cause: NOT_PERMITTED, decisionTaskCompletedEventId: completedEventId }),
  attributesOptional: true,
};

export const CONTINUE_AS_NEW_WORKFLOW_EXECUTION: DecisionSpec<'ContinueAsNewWorkflowExecution'> = {
  parse: (r) => ({
    input: readPayload(r, 'input'),
    ...readNewRunSettings(r),
    workflowTypeVersion: r.optionalString('workflowTypeVersion', { min: 1, max: LIMITS.version }),
    lambdaRole: r.optionalString('lambdaRole', { min: 1, max: LIMITS.lambdaRole }),
  }),
  apply: continueAsNew,
  deny: ({ execution, completedEventId }) =>
    void execution.addEvent('ContinueAsNewWorkflowExecutionFailed', {
      cause: NOT_PERMITTED,
      decisionTaskCompletedEventId: completedEventId,
    }),
  attributesOptional: true,
};
