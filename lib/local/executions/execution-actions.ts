import { resolveExecutionConfig } from './config-resolution';
import { requestCancelExecution, startExecution, terminateExecution } from './execution-lifecycle';
import type { ExecutionRecord } from '../model/execution-record';
import { historyPage } from '../service/history-pages';
import { typeKey } from '../model/type-record';
import type { ServiceContext } from '../service/service-context';
import { SwfFault } from '../swf-fault';
import { CHILD_POLICIES, readPayload, readTagList, readTaskList, readType, readWorkflowId } from '../validation/common-readers';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';
import { readExecution, readOpenTarget } from './execution-lookup';

function readDomain(ctx: ServiceContext, r: InputReader) {
  return ctx.domain(r.requiredString('domain', { min: 1, max: LIMITS.name }));
}

export function startWorkflowExecution(ctx: ServiceContext, input: unknown) {
  const r = InputReader.of(input, 'StartWorkflowExecution');
  const domainName = r.requiredString('domain', { min: 1, max: LIMITS.name });
  const workflowId = readWorkflowId(r);
  const workflowType = readType(r, 'workflowType');
  const executionStartToCloseTimeout = r.optionalDuration('executionStartToCloseTimeout', false);
  if (executionStartToCloseTimeout !== undefined && Number(executionStartToCloseTimeout) > LIMITS.maxExecutionSeconds) {
    r.fail('executionStartToCloseTimeout', `Member must be at most ${LIMITS.maxExecutionSeconds} seconds (one year)`);
  }
  const overrides = {
    taskList: readTaskList(r, 'taskList'),
    taskPriority: r.optionalPriority('taskPriority'),
    executionStartToCloseTimeout,
    taskStartToCloseTimeout: r.optionalDuration('taskStartToCloseTimeout'),
    childPolicy: r.optionalEnum('childPolicy', CHILD_POLICIES),
    lambdaRole: r.optionalString('lambdaRole', { min: 1, max: LIMITS.lambdaRole }),
  };
  const workflowInput = readPayload(r, 'input');
  const tagList = readTagList(r) ?? [];
  const domain = ctx.activeDomain(domainName);
  const type = domain.workflowTypes.get(typeKey(workflowType.name!, workflowType.version!));
  const typeName = `WorkflowType=[name=${workflowType.name}, version=${workflowType.version}]`;
  if (!type) throw SwfFault.unknownResource(`Unknown type: ${typeName}`);
  if (type.status === 'DEPRECATED') throw SwfFault.typeDeprecated(`Type is deprecated: ${typeName}`);
  const resolution = resolveExecutionConfig(type, overrides);
  if (resolution.missing) {
    throw SwfFault.defaultUndefined(
      `${resolution.field} is not set on the request and ${typeName} registers no default for it (${resolution.missing})`,
    );
  }
  if (domain.openByWorkflowId.has(workflowId)) {
    throw SwfFault.executionAlreadyStarted(`An open execution with workflowId ${workflowId} already exists in domain ${domain.name}`);
  }
  if (domain.openByWorkflowId.size >= LIMITS.openExecutionsPerDomain) {
    throw SwfFault.limitExceeded(`Domain ${domain.name} has ${LIMITS.openExecutionsPerDomain} open executions, the limit`);
  }
  const execution = startExecution(ctx, domain, {
    workflowId,
    workflowType,
    config: resolution.config,
    input: workflowInput,
    tagList,
  });
  return { runId: execution.runId };
}

export function requestCancelWorkflowExecution(ctx: ServiceContext, input: unknown): void {
  const execution = readOpenTarget(ctx, InputReader.of(input, 'RequestCancelWorkflowExecution'));
  requestCancelExecution(execution, {});
}

export function terminateWorkflowExecution(ctx: ServiceContext, input: unknown): void {
  const r = InputReader.of(input, 'TerminateWorkflowExecution');
  const reason = r.optionalString('reason', { max: LIMITS.reason });
  const details = readPayload(r, 'details');
  const childPolicy = r.optionalEnum('childPolicy', CHILD_POLICIES);
  const execution = readOpenTarget(ctx, r);
  terminateExecution(ctx, execution, {
    reason,
    details,
    childPolicy: childPolicy ?? execution.config.childPolicy,
    cause: 'OPERATOR_INITIATED',
  });
}

export function executionInfo(execution: ExecutionRecord) {
  return {
    execution: execution.ref,
    workflowType: execution.workflowType,
    startTimestamp: execution.startTimestamp,
    closeTimestamp: execution.closeTimestamp,
    executionStatus: execution.status,
    closeStatus: execution.closeStatus,
    // From the history, which outlives the parent's record (retention, or a restart after it).
    parent: execution.events[0]?.workflowExecutionStartedEventAttributes?.parentWorkflowExecution,
    tagList: execution.tagList.length ? execution.tagList : undefined,
    cancelRequested: execution.cancelRequested,
  };
}

export function describeWorkflowExecution(ctx: ServiceContext, input: unknown) {
  const r = InputReader.of(input, 'DescribeWorkflowExecution');
  const execution = readExecution(readDomain(ctx, r), r);
  const { config } = execution;
  return {
    executionInfo: executionInfo(execution),
    executionConfiguration: {
      taskStartToCloseTimeout: config.taskStartToCloseTimeout,
      executionStartToCloseTimeout: config.executionStartToCloseTimeout,
      taskList: { name: config.taskList },
      taskPriority: config.taskPriority,
      childPolicy: config.childPolicy,
      lambdaRole: config.lambdaRole,
    },
    openCounts: {
      openActivityTasks: execution.activities.size,
      openDecisionTasks: execution.decision.scheduledEventId === undefined ? 0 : 1,
      openTimers: execution.timers.size,
      openChildWorkflowExecutions: [...execution.children.values()].filter((c) => c.execution?.isOpen ?? true).length,
      openLambdaFunctions: execution.lambdas.size,
    },
    latestActivityTaskTimestamp: execution.latestActivityTaskTimestamp,
    latestExecutionContext: execution.latestExecutionContext,
  };
}

export function getWorkflowExecutionHistory(ctx: ServiceContext, input: unknown) {
  const r = InputReader.of(input, 'GetWorkflowExecutionHistory');
  const execution = readExecution(readDomain(ctx, r), r);
  return historyPage(
    ctx,
    execution,
    {
      maximumPageSize: r.optionalInteger('maximumPageSize', 0, LIMITS.pageSize),
      nextPageToken: r.optionalString('nextPageToken', { max: LIMITS.pageToken }),
      reverseOrder: r.optionalBoolean('reverseOrder'),
    },
    { owner: 'GetWorkflowExecutionHistory', from: 1 },
  );
}
