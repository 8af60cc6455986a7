import { armActivityTimeout } from '../activities/activity-tasks';
import { armDecisionTimeout } from '../decision-tasks/decision-tasks';
import { armExecutionTimeout, executionHooks, scheduleRetention } from '../executions/execution-lifecycle';
import { runLambdaTask } from '../lambda-functions/lambda-tasks';
import { DomainRecord } from '../model/domain-record';
import { ExecutionRecord } from '../model/execution-record';
import type { ActivityState } from '../model/task-states';
import { typeKey } from '../model/type-record';
import type { ServiceContext } from '../service/service-context';
import { armTimer } from '../timers/timer-decisions';
import type { WireHistoryEvent } from '../wire';
import type { SavedState } from './sqlite-journal';
import type { ExecutionSnapshot } from './snapshots';
import { StateFileError } from './state-file.error';

/**
 * Rebuilds the service's state from its file, as SWF would find it after an
 * outage: every run with its history; scheduled decision and activity tasks
 * queued again (to be handed out to the next poller); started tasks still
 * started, their tokens valid, until the worker answers or their
 * start-to-close timeout strikes; every timer and timeout armed at the
 * moment it was due (at once when that moment has passed); running Lambda
 * calls made again in what is left of their timeout; closed runs kept until
 * their retention period is over.
 */
export function restoreState(ctx: ServiceContext, saved: SavedState, file: string): void {
  for (const snapshot of saved.domains) {
    const domain = new DomainRecord(snapshot.name, snapshot.description, snapshot.retentionDays, snapshot.arn);
    domain.status = snapshot.status;
    for (const [key, value] of snapshot.tags) domain.tags.set(key, value);
    for (const type of snapshot.workflowTypes) domain.workflowTypes.set(typeKey(type.name, type.version), type);
    for (const type of snapshot.activityTypes) domain.activityTypes.set(typeKey(type.name, type.version), type);
    ctx.domains.set(domain.name, domain);
  }
  const runs = saved.executions.map(({ snapshot, events }) => ({ snapshot, execution: rebuild(ctx, snapshot, events, file) }));
  for (const { snapshot, execution } of runs) link(execution, snapshot);
  // Tasks go back on their lists in the order they were scheduled.
  const byAge = [...runs].sort((a, b) => a.execution.startTimestamp - b.execution.startTimestamp);
  for (const { snapshot, execution } of byAge) {
    if (execution.isOpen) resume(ctx, execution, snapshot);
    else scheduleRetention(ctx, execution);
  }
}

function rebuild(ctx: ServiceContext, s: ExecutionSnapshot, events: WireHistoryEvent[], file: string): ExecutionRecord {
  const domain = ctx.domains.get(s.domain);
  if (!domain)
    throw new StateFileError(file, `run ${s.runId} belongs to domain ${s.domain}, which the file does not hold; the file is damaged`);
  const execution = new ExecutionRecord(
    domain,
    s.workflowId,
    s.runId,
    s.workflowType,
    s.config,
    s.tagList,
    s.startTimestamp,
    executionHooks(ctx),
  );
  execution.events.push(...events);
  execution.status = s.status;
  execution.closeStatus = s.closeStatus;
  execution.closeTimestamp = s.closeTimestamp;
  execution.cancelRequested = s.cancelRequested;
  execution.latestExecutionContext = s.latestExecutionContext;
  execution.latestActivityTaskTimestamp = s.latestActivityTaskTimestamp;
  execution.previousStartedEventId = s.previousStartedEventId;
  execution.taskListOverride = s.taskListOverride;
  domain.executions.set(execution.runId, execution);
  if (execution.isOpen) domain.openByWorkflowId.set(execution.workflowId, execution);
  return execution;
}

/** Parent and child links point at records, so they wait until every run is rebuilt. */
function link(execution: ExecutionRecord, s: ExecutionSnapshot): void {
  const runs = execution.domain.executions;
  const parent = s.parent && runs.get(s.parent.execution.runId!);
  if (parent && s.parent) execution.parent = { execution: parent, initiatedEventId: s.parent.initiatedEventId };
  for (const child of s.children) {
    const { runId, ...state } = child;
    execution.children.set(child.initiatedEventId, { ...state, execution: runId === undefined ? undefined : runs.get(runId) });
  }
}

function resume(ctx: ServiceContext, execution: ExecutionRecord, s: ExecutionSnapshot): void {
  if (s.executionTimeoutAt !== undefined) armExecutionTimeout(ctx, execution, s.executionTimeoutAt);
  resumeDecisionTask(ctx, execution, s);
  for (const a of s.activities) resumeActivity(ctx, execution, a);
  for (const timer of s.timers) armTimer(ctx, execution, timer.timerId, timer.startedEventId, timer.fireAt);
  for (const l of s.lambdas) {
    const scheduled = attributes(execution, l.scheduledEventId).lambdaFunctionScheduledEventAttributes!;
    const state = {
      id: l.id,
      name: l.name,
      scheduledEventId: l.scheduledEventId,
      startedEventId: l.startedEventId,
      abort: new AbortController(),
    };
    execution.lambdas.set(l.id, state);
    const request = {
      id: l.id,
      name: l.name,
      control: scheduled.control,
      input: scheduled.input,
      startToCloseTimeout: scheduled.startToCloseTimeout!,
    };
    runLambdaTask(ctx, execution, state, request, l.timeoutAt);
  }
}

function resumeDecisionTask(ctx: ServiceContext, execution: ExecutionRecord, s: ExecutionSnapshot): void {
  const slot = execution.decision;
  const d = s.decision;
  Object.assign(slot, { scheduledEventId: d.scheduledEventId, startedEventId: d.startedEventId, token: d.token, pending: d.pending });
  slot.onOverride = d.onOverride;
  if (d.scheduledEventId === undefined) return;
  const started = d.startedEventId !== undefined;
  if (d.timeoutAt !== undefined) armDecisionTimeout(ctx, execution, started ? 'START_TO_CLOSE' : 'SCHEDULE_TO_START', d.timeoutAt);
  if (started) {
    ctx.tokens.set(d.token!, { kind: 'decision', execution, startedEventId: d.startedEventId! });
    return;
  }
  const scheduled = attributes(execution, d.scheduledEventId).decisionTaskScheduledEventAttributes!;
  ctx.decisionLists
    .get(execution.domain.name, scheduled.taskList!.name!)
    .offer({ execution, scheduledEventId: d.scheduledEventId }, Number(scheduled.taskPriority ?? 0));
}

function resumeActivity(ctx: ServiceContext, execution: ExecutionRecord, a: ExecutionSnapshot['activities'][number]): void {
  const { timeoutsAt, ...rest } = a;
  const activity: ActivityState = { ...rest, timers: new Map() };
  execution.activities.set(activity.activityId, activity);
  for (const [type, atMs] of Object.entries(timeoutsAt)) {
    armActivityTimeout(ctx, execution, activity, type as keyof typeof timeoutsAt, atMs!);
  }
  if (activity.startedEventId !== undefined) {
    ctx.tokens.set(activity.token!, {
      kind: 'activity',
      execution,
      activityId: activity.activityId,
      startedEventId: activity.startedEventId,
    });
    return;
  }
  const scheduled = attributes(execution, activity.scheduledEventId).activityTaskScheduledEventAttributes!;
  ctx.activityLists
    .get(execution.domain.name, activity.taskList)
    .offer(
      { execution, activityId: activity.activityId, scheduledEventId: activity.scheduledEventId },
      Number(scheduled.taskPriority ?? 0),
    );
}

function attributes(execution: ExecutionRecord, eventId: number): WireHistoryEvent {
  return execution.events[eventId - 1];
}
