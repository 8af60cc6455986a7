import type { CallOptions } from '../service/action-handler';
import { closeActivityTask, isLiveActivity, recordHeartbeat, startActivityTask } from './activity-tasks';
import type { ExecutionRecord } from '../model/execution-record';
import type { ActivityState } from '../model/task-states';
import type { ServiceContext } from '../service/service-context';
import { readPayload, readTaskList } from '../validation/common-readers';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';

export async function pollForActivityTask(ctx: ServiceContext, input: unknown, options: CallOptions = {}) {
  const r = InputReader.of(input, 'PollForActivityTask');
  const domain = ctx.domain(r.requiredString('domain', { min: 1, max: LIMITS.name }));
  const taskList = readTaskList(r, 'taskList', true);
  const identity = r.optionalString('identity', { max: LIMITS.identity });
  const task = await ctx.activityLists
    .get(domain.name, taskList)
    .poll((item) => startActivityTask(ctx, item, identity), ctx.longPollTimeoutMs, options.signal);
  return task ?? { startedEventId: 0 };
}

/** The started activity a token stands for, or UnknownResourceFault. */
function readActivity(ctx: ServiceContext, r: InputReader, action: string): { execution: ExecutionRecord; activity: ActivityState } {
  const token = r.requiredString('taskToken', { min: 1, max: LIMITS.taskToken });
  const target = ctx.token(token, 'activity', action);
  return { execution: target.execution, activity: target.execution.activities.get(target.activityId)! };
}

export function recordActivityTaskHeartbeat(ctx: ServiceContext, input: unknown) {
  const r = InputReader.of(input, 'RecordActivityTaskHeartbeat');
  const details = r.optionalString('details', { max: 2048 });
  const { execution, activity } = readActivity(ctx, r, 'RecordActivityTaskHeartbeat');
  return { cancelRequested: recordHeartbeat(ctx, execution, activity, details) };
}

export function respondActivityTaskCompleted(ctx: ServiceContext, input: unknown): void {
  const r = InputReader.of(input, 'RespondActivityTaskCompleted');
  const result = readPayload(r, 'result');
  const { execution, activity } = readActivity(ctx, r, 'RespondActivityTaskCompleted');
  closeActivityTask(ctx, execution, activity);
  execution.addEvent('ActivityTaskCompleted', {
    result,
    scheduledEventId: activity.scheduledEventId,
    startedEventId: activity.startedEventId,
  });
}

export function respondActivityTaskFailed(ctx: ServiceContext, input: unknown): void {
  const r = InputReader.of(input, 'RespondActivityTaskFailed');
  const reason = r.optionalString('reason', { max: LIMITS.reason });
  const details = readPayload(r, 'details');
  const { execution, activity } = readActivity(ctx, r, 'RespondActivityTaskFailed');
  closeActivityTask(ctx, execution, activity);
  execution.addEvent('ActivityTaskFailed', {
    reason,
    details,
    scheduledEventId: activity.scheduledEventId,
    startedEventId: activity.startedEventId,
  });
}

export function respondActivityTaskCanceled(ctx: ServiceContext, input: unknown): void {
  const r = InputReader.of(input, 'RespondActivityTaskCanceled');
  const details = readPayload(r, 'details');
  const { execution, activity } = readActivity(ctx, r, 'RespondActivityTaskCanceled');
  closeActivityTask(ctx, execution, activity);
  execution.addEvent('ActivityTaskCanceled', {
    details,
    scheduledEventId: activity.scheduledEventId,
    startedEventId: activity.startedEventId,
    latestCancelRequestedEventId: activity.latestCancelRequestedEventId,
  });
}

export function countPendingActivityTasks(ctx: ServiceContext, input: unknown) {
  const r = InputReader.of(input, 'CountPendingActivityTasks');
  const domain = ctx.domain(r.requiredString('domain', { min: 1, max: LIMITS.name }));
  const taskList = readTaskList(r, 'taskList', true);
  return { count: ctx.activityLists.get(domain.name, taskList).count(isLiveActivity), truncated: false };
}
