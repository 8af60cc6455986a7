import type { ActivityTask, ActivityTaskTimeoutType, ActivityType } from '@aws-sdk/client-swf';
import type { ActivityItem, ServiceContext } from '../service/service-context';
import { newTaskToken } from '../service/secure-tokens';
import type { ExecutionRecord } from '../model/execution-record';
import type { ActivityState, ActivityTimeouts } from '../model/task-states';

export interface ActivityRequest {
  activityType: ActivityType;
  activityId: string;
  control?: string;
  input?: string;
  taskList: string;
  taskPriority?: string;
  timeouts: ActivityTimeouts;
}

/** Records ActivityTaskScheduled, arms the schedule-level timeouts and queues the task. */
export function scheduleActivityTask(
  ctx: ServiceContext,
  execution: ExecutionRecord,
  request: ActivityRequest,
  decisionTaskCompletedEventId: number,
): void {
  const { timeouts } = request;
  const scheduledEventId = execution.addEvent('ActivityTaskScheduled', {
    activityType: request.activityType,
    activityId: request.activityId,
    input: request.input,
    control: request.control,
    scheduleToStartTimeout: timeouts.scheduleToStart,
    scheduleToCloseTimeout: timeouts.scheduleToClose,
    startToCloseTimeout: timeouts.startToClose,
    heartbeatTimeout: timeouts.heartbeat,
    taskList: { name: request.taskList },
    taskPriority: request.taskPriority,
    decisionTaskCompletedEventId,
  });
  const activity: ActivityState = {
    activityId: request.activityId,
    activityType: request.activityType,
    input: request.input,
    taskList: request.taskList,
    scheduledEventId,
    timeouts,
    timers: new Map(),
    cancelRequested: false,
  };
  execution.activities.set(activity.activityId, activity);
  // SWF: "the time when the last activity task was scheduled".
  execution.latestActivityTaskTimestamp = ctx.nowSeconds();
  arm(ctx, execution, activity, 'SCHEDULE_TO_START', timeouts.scheduleToStart);
  arm(ctx, execution, activity, 'SCHEDULE_TO_CLOSE', timeouts.scheduleToClose);
  ctx.activityLists
    .get(execution.domain.name, request.taskList)
    .offer({ execution, activityId: activity.activityId, scheduledEventId }, Number(request.taskPriority ?? 0));
}

/** True while the queued item is still a scheduled, unstarted activity of an open execution. */
export function isLiveActivity(item: ActivityItem): boolean {
  const activity = item.execution.activities.get(item.activityId);
  return item.execution.isOpen && activity?.scheduledEventId === item.scheduledEventId && activity.startedEventId === undefined;
}

/** Hands the task to one poller: ActivityTaskStarted, a token, the start-level timeouts. */
export function startActivityTask(ctx: ServiceContext, item: ActivityItem, identity?: string): ActivityTask | undefined {
  if (!isLiveActivity(item)) return undefined;
  const { execution } = item;
  const activity = execution.activities.get(item.activityId)!;
  activity.timers.get('SCHEDULE_TO_START')?.cancel();
  const startedEventId = execution.addEvent('ActivityTaskStarted', { identity, scheduledEventId: activity.scheduledEventId });
  const token = newTaskToken();
  activity.startedEventId = startedEventId;
  activity.token = token;
  ctx.tokens.set(token, { kind: 'activity', execution, activityId: activity.activityId, startedEventId });
  arm(ctx, execution, activity, 'START_TO_CLOSE', activity.timeouts.startToClose);
  arm(ctx, execution, activity, 'HEARTBEAT', activity.timeouts.heartbeat);
  return {
    taskToken: token,
    activityId: activity.activityId,
    startedEventId,
    workflowExecution: execution.ref,
    activityType: activity.activityType,
    input: activity.input,
  };
}

/** A heartbeat: keeps the heartbeat timeout at bay and reports whether cancellation was requested. */
export function recordHeartbeat(ctx: ServiceContext, execution: ExecutionRecord, activity: ActivityState, details?: string): boolean {
  activity.heartbeatDetails = details ?? activity.heartbeatDetails;
  arm(ctx, execution, activity, 'HEARTBEAT', activity.timeouts.heartbeat);
  execution.touch();
  return activity.cancelRequested;
}

/** Forgets an activity: its timers stop and its token no longer works. */
export function closeActivityTask(ctx: ServiceContext, execution: ExecutionRecord, activity: ActivityState): void {
  for (const timer of activity.timers.values()) timer.cancel();
  activity.timers.clear();
  if (activity.token) ctx.tokens.delete(activity.token);
  execution.activities.delete(activity.activityId);
}

function arm(
  ctx: ServiceContext,
  execution: ExecutionRecord,
  activity: ActivityState,
  timeoutType: ActivityTaskTimeoutType,
  seconds: string,
): void {
  activity.timers.get(timeoutType)?.cancel();
  if (seconds === 'NONE') return;
  armActivityTimeout(ctx, execution, activity, timeoutType, ctx.clock.now() + Number(seconds) * 1000);
}

/** Arms one of the activity's timeouts to strike at `atMs` (also when a durable service restarts). */
export function armActivityTimeout(
  ctx: ServiceContext,
  execution: ExecutionRecord,
  activity: ActivityState,
  timeoutType: ActivityTaskTimeoutType,
  atMs: number,
): void {
  activity.timers.set(
    timeoutType,
    ctx.timers.at(atMs, () => timeOutActivity(ctx, execution, activity, timeoutType)),
  );
}

function timeOutActivity(
  ctx: ServiceContext,
  execution: ExecutionRecord,
  activity: ActivityState,
  timeoutType: ActivityTaskTimeoutType,
): void {
  if (!execution.isOpen || execution.activities.get(activity.activityId) !== activity) return;
  closeActivityTask(ctx, execution, activity);
  execution.addEvent('ActivityTaskTimedOut', {
    timeoutType,
    scheduledEventId: activity.scheduledEventId,
    startedEventId: activity.startedEventId ?? 0,
    details: activity.heartbeatDetails,
  });
}
