import type { ChildPolicy, WorkflowExecutionCancelRequestedCause, WorkflowExecution, WorkflowType } from '@aws-sdk/client-swf';
import type { ServiceContext } from '../service/service-context';
import { newRunId } from '../service/secure-tokens';
import { closeActivityTask } from '../activities/activity-tasks';
import { notifyParentOfClose } from '../children/child-notifications';
import { clearDecisionSlot, wakeDecider } from '../decision-tasks/decision-tasks';
import type { CloseOutcome } from '../model/close-outcome';
import {
  type ExecutionConfig,
  type ExecutionDomain,
  type ExecutionHooks,
  ExecutionRecord,
  type ParentLink,
} from '../model/execution-record';

export interface StartRequest {
  workflowId: string;
  workflowType: WorkflowType;
  config: ExecutionConfig;
  input?: string;
  tagList: string[];
  parent?: ParentLink;
  continuedExecutionRunId?: string;
  runId?: string;
}

/** Starts a run: WorkflowExecutionStarted (which schedules the first decision task) and its start-to-close timeout. */
export function startExecution(ctx: ServiceContext, domain: ExecutionDomain, request: StartRequest): ExecutionRecord {
  const execution = new ExecutionRecord(
    domain,
    request.workflowId,
    request.runId ?? newRunId(),
    request.workflowType,
    request.config,
    request.tagList,
    ctx.nowSeconds(),
    executionHooks(ctx),
  );
  execution.parent = request.parent;
  domain.executions.set(execution.runId, execution);
  domain.openByWorkflowId.set(execution.workflowId, execution);
  const { config } = request;
  execution.addEvent('WorkflowExecutionStarted', {
    input: request.input,
    executionStartToCloseTimeout: config.executionStartToCloseTimeout,
    taskStartToCloseTimeout: config.taskStartToCloseTimeout,
    childPolicy: config.childPolicy,
    taskList: { name: config.taskList },
    taskPriority: config.taskPriority,
    workflowType: request.workflowType,
    tagList: request.tagList.length ? request.tagList : undefined,
    continuedExecutionRunId: request.continuedExecutionRunId,
    parentWorkflowExecution: request.parent?.execution.ref,
    parentInitiatedEventId: request.parent?.initiatedEventId,
    lambdaRole: config.lambdaRole,
  });
  if (config.executionStartToCloseTimeout !== 'NONE') {
    armExecutionTimeout(ctx, execution, ctx.clock.now() + Number(config.executionStartToCloseTimeout) * 1000);
  }
  return execution;
}

/** Arms the run's start-to-close timeout to strike at `atMs` (also when a durable service restarts). */
export function armExecutionTimeout(ctx: ServiceContext, execution: ExecutionRecord, atMs: number): void {
  execution.executionTimer = ctx.timers.at(atMs, () => {
    if (!execution.isOpen) return;
    const childPolicy = execution.config.childPolicy;
    execution.addEvent('WorkflowExecutionTimedOut', { timeoutType: 'START_TO_CLOSE', childPolicy });
    closeExecution(ctx, execution, { status: 'TIMED_OUT' }, childPolicy);
  });
}

/** What every run is given by the service around it. */
export function executionHooks(ctx: ServiceContext): ExecutionHooks {
  return {
    nowSeconds: () => ctx.nowSeconds(),
    wake: (e) => wakeDecider(ctx, e),
    changed: (e) => ctx.journal.executionChanged(e),
    // Not in the middle of the action that added the event: SWF terminates it right after.
    eventLimitReached: (e) =>
      queueMicrotask(() => {
        if (e.isOpen) terminateExecution(ctx, e, { childPolicy: e.config.childPolicy, cause: 'EVENT_LIMIT_EXCEEDED' });
      }),
  };
}

/**
 * Closes a run whose closing event is already recorded: everything open in
 * it stops, the child policy reaches its open children, its parent hears.
 */
export function closeExecution(ctx: ServiceContext, execution: ExecutionRecord, outcome: CloseOutcome, childPolicy: ChildPolicy): void {
  execution.status = 'CLOSED';
  execution.closeStatus = outcome.status;
  execution.closeTimestamp = ctx.nowSeconds();
  if (execution.domain.openByWorkflowId.get(execution.workflowId) === execution) {
    execution.domain.openByWorkflowId.delete(execution.workflowId);
  }
  execution.executionTimer?.cancel();
  clearDecisionSlot(ctx, execution);
  for (const activity of [...execution.activities.values()]) closeActivityTask(ctx, execution, activity);
  for (const timer of execution.timers.values()) timer.timer.cancel();
  execution.timers.clear();
  for (const lambda of execution.lambdas.values()) {
    lambda.timer?.cancel();
    lambda.abort.abort();
  }
  execution.lambdas.clear();
  applyChildPolicy(ctx, execution, childPolicy);
  notifyParentOfClose(execution, outcome);
  scheduleRetention(ctx, execution);
}

/**
 * Forgets a closed run once the domain's retention period, counted from its
 * close, is over (also after a restart of a durable service, which calls
 * this again for every closed run it loads). A retention of 0 or NONE
 * deletes the record and history as soon as the run closes, as SWF does,
 * unless the service was made with `zeroRetention: 'keep'`.
 */
export function scheduleRetention(ctx: ServiceContext, execution: ExecutionRecord): void {
  const days = Number(execution.domain.retentionDays);
  if (!(days > 0)) {
    if (ctx.zeroRetention === 'delete') forgetExecution(ctx, execution);
    return;
  }
  const atMs = (execution.closeTimestamp ?? ctx.nowSeconds()) * 1000 + days * 86400 * 1000;
  ctx.timers.at(atMs, () => forgetExecution(ctx, execution), { background: true, weak: true });
}

function forgetExecution(ctx: ServiceContext, execution: ExecutionRecord): void {
  if (execution.domain.executions.get(execution.runId) !== execution) return;
  execution.domain.executions.delete(execution.runId);
  ctx.journal.executionDeleted(execution);
}

function applyChildPolicy(ctx: ServiceContext, parent: ExecutionRecord, policy: ChildPolicy): void {
  for (const child of parent.children.values()) {
    const run = child.execution;
    if (!run?.isOpen || policy === 'ABANDON') continue;
    if (policy === 'TERMINATE') {
      terminateExecution(ctx, run, { childPolicy: run.config.childPolicy, cause: 'CHILD_POLICY_APPLIED' });
    } else {
      requestCancelExecution(run, { cause: 'CHILD_POLICY_APPLIED' });
    }
  }
  parent.children.clear();
}

export interface TerminateRequest {
  reason?: string;
  details?: string;
  childPolicy: ChildPolicy;
  cause?: 'CHILD_POLICY_APPLIED' | 'EVENT_LIMIT_EXCEEDED' | 'OPERATOR_INITIATED';
}

export function terminateExecution(ctx: ServiceContext, execution: ExecutionRecord, request: TerminateRequest): void {
  execution.addEvent('WorkflowExecutionTerminated', { ...request });
  closeExecution(ctx, execution, { status: 'TERMINATED' }, request.childPolicy);
}

export interface CancelRequest {
  externalWorkflowExecution?: WorkflowExecution;
  externalInitiatedEventId?: number;
  cause?: WorkflowExecutionCancelRequestedCause;
}

/** Records WorkflowExecutionCancelRequested (once: a second request changes nothing). */
export function requestCancelExecution(execution: ExecutionRecord, request: CancelRequest): void {
  if (execution.cancelRequested) return;
  execution.cancelRequested = true;
  execution.addEvent('WorkflowExecutionCancelRequested', { ...request });
}
