import type { StartChildWorkflowExecutionFailedCause } from '@aws-sdk/client-swf';
import { decisionOverrides, resolveExecutionConfig } from '../executions/config-resolution';
import { startExecution } from '../executions/execution-lifecycle';
import type { ChildState } from '../model/execution-record';
import { typeKey } from '../model/type-record';
import { readPayload, readType, readWorkflowId } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';
import { readNewRunSettings } from '../decision-tasks/decision-readers';
import { type DecisionSpec, NOT_PERMITTED } from '../decision-tasks/decision-spec';
import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';

/**
 * Checks that need no other execution fail the decision at once
 * (initiatedEventId 0); otherwise StartChildWorkflowExecutionInitiated is
 * recorded and the child starts after the decisions, or fails with
 * WORKFLOW_ALREADY_RUNNING when its workflow id is taken.
 */
function startChild(scope: DecisionScope, a: DecisionAttributesMap['StartChildWorkflowExecution']): void {
  const { ctx, execution, completedEventId: decisionTaskCompletedEventId } = scope;
  const workflowType = a.workflowType!;
  const workflowId = a.workflowId!;
  const fail = (cause: StartChildWorkflowExecutionFailedCause, initiatedEventId = 0) =>
    void execution.addEvent('StartChildWorkflowExecutionFailed', {
      workflowType,
      cause,
      workflowId,
      initiatedEventId,
      decisionTaskCompletedEventId,
      control: a.control,
    });
  const type = execution.domain.workflowTypes.get(typeKey(workflowType.name!, workflowType.version!));
  if (!type) return fail('WORKFLOW_TYPE_DOES_NOT_EXIST');
  if (type.status === 'DEPRECATED') return fail('WORKFLOW_TYPE_DEPRECATED');
  if (execution.children.size >= LIMITS.openChildren) return fail('OPEN_CHILDREN_LIMIT_EXCEEDED');
  if (execution.domain.openByWorkflowId.size >= LIMITS.openExecutionsPerDomain) return fail('OPEN_WORKFLOWS_LIMIT_EXCEEDED');
  const resolution = resolveExecutionConfig(type, decisionOverrides(a));
  if (resolution.missing) return fail(resolution.missing);
  const { config } = resolution;
  const tagList = a.tagList ?? [];
  const initiatedEventId = execution.addEvent('StartChildWorkflowExecutionInitiated', {
    workflowId,
    workflowType,
    control: a.control,
    input: a.input,
    executionStartToCloseTimeout: config.executionStartToCloseTimeout,
    taskList: { name: config.taskList },
    taskPriority: config.taskPriority,
    decisionTaskCompletedEventId,
    childPolicy: config.childPolicy,
    taskStartToCloseTimeout: config.taskStartToCloseTimeout,
    tagList: tagList.length ? tagList : undefined,
    lambdaRole: config.lambdaRole,
  });
  const state: ChildState = { initiatedEventId, workflowId, workflowType };
  execution.children.set(initiatedEventId, state);
  scope.after.push(() => {
    if (execution.domain.openByWorkflowId.has(workflowId)) {
      execution.children.delete(initiatedEventId);
      return fail('WORKFLOW_ALREADY_RUNNING', initiatedEventId);
    }
    const child = startExecution(ctx, execution.domain, {
      workflowId,
      workflowType,
      config,
      input: a.input,
      tagList,
      parent: { execution, initiatedEventId },
    });
    state.execution = child;
    state.startedEventId = execution.addEvent('ChildWorkflowExecutionStarted', {
      workflowExecution: child.ref,
      workflowType,
      initiatedEventId,
    });
  });
}

export const START_CHILD_WORKFLOW_EXECUTION: DecisionSpec<'StartChildWorkflowExecution'> = {
  parse: (r) => ({
    workflowType: readType(r, 'workflowType'),
    workflowId: readWorkflowId(r),
    control: readPayload(r, 'control'),
    input: readPayload(r, 'input'),
    ...readNewRunSettings(r),
    lambdaRole: r.optionalString('lambdaRole', { min: 1, max: LIMITS.lambdaRole }),
  }),
  apply: startChild,
  deny: ({ execution, completedEventId }, a) =>
    void execution.addEvent('StartChildWorkflowExecutionFailed', {
      workflowType: a.workflowType,
      cause: NOT_PERMITTED,
      workflowId: a.workflowId,
      initiatedEventId: 0,
      decisionTaskCompletedEventId: completedEventId,
      control: a.control,
    }),
};
