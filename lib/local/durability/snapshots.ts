import type { ActivityTaskTimeoutType, WorkflowExecution, WorkflowType } from '@aws-sdk/client-swf';
import type { DomainRecord } from '../model/domain-record';
import type { ChildState, ExecutionConfig, ExecutionRecord, TaskListOverride } from '../model/execution-record';
import type { ActivityState, LambdaState, TimerState } from '../model/task-states';
import type { ActivityTypeRecord, WorkflowTypeRecord } from '../model/type-record';

/**
 * A domain as the state file keeps it (JSON). Runs are kept apart, one row
 * each, so a call rewrites only what it touched.
 */
export interface DomainSnapshot {
  name: string;
  description?: string;
  retentionDays: string;
  arn: string;
  status: DomainRecord['status'];
  tags: [string, string][];
  workflowTypes: WorkflowTypeRecord[];
  activityTypes: ActivityTypeRecord[];
}

/**
 * A run's state beside its history (the events are rows of their own):
 * everything open in it, with the epoch milliseconds at which each of its
 * timers falls due, so a restarted service arms them again from the clock.
 */
export interface ExecutionSnapshot {
  domain: string;
  workflowId: string;
  runId: string;
  workflowType: WorkflowType;
  config: ExecutionConfig;
  tagList: string[];
  startTimestamp: number;
  status: ExecutionRecord['status'];
  closeStatus?: ExecutionRecord['closeStatus'];
  closeTimestamp?: number;
  cancelRequested: boolean;
  latestExecutionContext?: string;
  latestActivityTaskTimestamp?: number;
  previousStartedEventId: number;
  taskListOverride?: TaskListOverride;
  executionTimeoutAt?: number;
  parent?: { execution: WorkflowExecution; initiatedEventId: number };
  decision: {
    scheduledEventId?: number;
    startedEventId?: number;
    token?: string;
    pending: boolean;
    onOverride?: boolean;
    timeoutAt?: number;
  };
  activities: (Omit<ActivityState, 'timers'> & { timeoutsAt: Partial<Record<ActivityTaskTimeoutType, number>> })[];
  timers: (Omit<TimerState, 'timer'> & { fireAt: number })[];
  children: (Omit<ChildState, 'execution'> & { runId?: string })[];
  lambdas: (Omit<LambdaState, 'abort' | 'timer'> & { timeoutAt?: number })[];
}

export function domainSnapshot(domain: DomainRecord): DomainSnapshot {
  return {
    name: domain.name,
    description: domain.description,
    retentionDays: domain.retentionDays,
    arn: domain.arn,
    status: domain.status,
    tags: [...domain.tags],
    workflowTypes: [...domain.workflowTypes.values()],
    activityTypes: [...domain.activityTypes.values()],
  };
}

export function executionSnapshot(execution: ExecutionRecord): ExecutionSnapshot {
  const slot = execution.decision;
  return {
    domain: execution.domain.name,
    workflowId: execution.workflowId,
    runId: execution.runId,
    workflowType: execution.workflowType,
    config: execution.config,
    tagList: execution.tagList,
    startTimestamp: execution.startTimestamp,
    status: execution.status,
    closeStatus: execution.closeStatus,
    closeTimestamp: execution.closeTimestamp,
    cancelRequested: execution.cancelRequested,
    latestExecutionContext: execution.latestExecutionContext,
    latestActivityTaskTimestamp: execution.latestActivityTaskTimestamp,
    previousStartedEventId: execution.previousStartedEventId,
    taskListOverride: execution.taskListOverride,
    executionTimeoutAt: execution.isOpen ? execution.executionTimer?.atMs : undefined,
    parent: execution.parent && { execution: execution.parent.execution.ref, initiatedEventId: execution.parent.initiatedEventId },
    decision: {
      scheduledEventId: slot.scheduledEventId,
      startedEventId: slot.startedEventId,
      token: slot.token,
      pending: slot.pending,
      onOverride: slot.onOverride,
      timeoutAt: slot.timer?.atMs,
    },
    activities: [...execution.activities.values()].map((a) => ({
      activityId: a.activityId,
      activityType: a.activityType,
      input: a.input,
      taskList: a.taskList,
      scheduledEventId: a.scheduledEventId,
      startedEventId: a.startedEventId,
      token: a.token,
      timeouts: a.timeouts,
      timeoutsAt: Object.fromEntries([...a.timers].map(([type, timer]) => [type, timer.atMs])),
      cancelRequested: a.cancelRequested,
      latestCancelRequestedEventId: a.latestCancelRequestedEventId,
      heartbeatDetails: a.heartbeatDetails,
    })),
    timers: [...execution.timers.values()].map((t) => ({ timerId: t.timerId, startedEventId: t.startedEventId, fireAt: t.timer.atMs })),
    children: [...execution.children.values()].map((c) => ({
      initiatedEventId: c.initiatedEventId,
      workflowId: c.workflowId,
      workflowType: c.workflowType,
      startedEventId: c.startedEventId,
      runId: c.execution?.runId,
    })),
    lambdas: [...execution.lambdas.values()].map((l) => ({
      id: l.id,
      name: l.name,
      scheduledEventId: l.scheduledEventId,
      startedEventId: l.startedEventId,
      timeoutAt: l.timer?.atMs,
    })),
  };
}
