import type { ScheduleActivityTaskFailedCause } from '@aws-sdk/client-swf';
import { closeActivityTask, scheduleActivityTask } from './activity-tasks';
import { typeKey } from '../model/type-record';
import { readPayload, readType } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';
import { DECIDER_ID, readDecisionTaskList } from '../decision-tasks/decision-readers';
import { type DecisionSpec, NOT_PERMITTED } from '../decision-tasks/decision-spec';
import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';

function scheduleActivity(scope: DecisionScope, a: DecisionAttributesMap['ScheduleActivityTask']): void {
  const { execution, completedEventId } = scope;
  const activityType = a.activityType!;
  const fail = (cause: ScheduleActivityTaskFailedCause) =>
    execution.addEvent('ScheduleActivityTaskFailed', {
      activityType,
      activityId: a.activityId,
      cause,
      decisionTaskCompletedEventId: completedEventId,
    });
  const type = execution.domain.activityTypes.get(typeKey(activityType.name!, activityType.version!));
  if (!type) return void fail('ACTIVITY_TYPE_DOES_NOT_EXIST');
  if (type.status === 'DEPRECATED') return void fail('ACTIVITY_TYPE_DEPRECATED');
  if (execution.activities.has(a.activityId!)) return void fail('ACTIVITY_ID_ALREADY_IN_USE');
  if (execution.activities.size >= LIMITS.openActivities) return void fail('OPEN_ACTIVITIES_LIMIT_EXCEEDED');
  const d = type.configuration;
  const taskList = a.taskList?.name ?? d.defaultTaskList?.name;
  if (!taskList) return void fail('DEFAULT_TASK_LIST_UNDEFINED');
  const scheduleToStart = a.scheduleToStartTimeout ?? d.defaultTaskScheduleToStartTimeout;
  if (!scheduleToStart) return void fail('DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED');
  const scheduleToClose = a.scheduleToCloseTimeout ?? d.defaultTaskScheduleToCloseTimeout;
  if (!scheduleToClose) return void fail('DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED');
  const startToClose = a.startToCloseTimeout ?? d.defaultTaskStartToCloseTimeout;
  if (!startToClose) return void fail('DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED');
  // SWF documents no fault for a missing heartbeat timeout: it is then unlimited.
  const heartbeat = a.heartbeatTimeout ?? d.defaultTaskHeartbeatTimeout ?? 'NONE';
  scheduleActivityTask(
    scope.ctx,
    execution,
    {
      activityType,
      activityId: a.activityId!,
      control: a.control,
      input: a.input,
      taskList,
      taskPriority: a.taskPriority ?? d.defaultTaskPriority,
      timeouts: { scheduleToStart, scheduleToClose, startToClose, heartbeat },
    },
    completedEventId,
  );
}

/**
 * A scheduled task is canceled at once; a started one is only flagged, and
 * the worker learns of it from its next heartbeat.
 */
function requestCancelActivity(scope: DecisionScope, a: DecisionAttributesMap['RequestCancelActivityTask']): void {
  const { execution, completedEventId } = scope;
  const activity = execution.activities.get(a.activityId!);
  if (!activity) {
    execution.addEvent('RequestCancelActivityTaskFailed', {
      activityId: a.activityId,
      cause: 'ACTIVITY_ID_UNKNOWN',
      decisionTaskCompletedEventId: completedEventId,
    });
    return;
  }
  const requestedId = execution.addEvent('ActivityTaskCancelRequested', {
    decisionTaskCompletedEventId: completedEventId,
    activityId: activity.activityId,
  });
  activity.cancelRequested = true;
  activity.latestCancelRequestedEventId = requestedId;
  if (activity.startedEventId !== undefined) return;
  closeActivityTask(scope.ctx, execution, activity);
  execution.addEvent('ActivityTaskCanceled', {
    scheduledEventId: activity.scheduledEventId,
    startedEventId: 0,
    latestCancelRequestedEventId: requestedId,
  });
}

export const SCHEDULE_ACTIVITY_TASK: DecisionSpec<'ScheduleActivityTask'> = {
  parse: (r) => ({
    activityType: readType(r, 'activityType'),
    activityId: r.requiredString('activityId', DECIDER_ID),
    control: readPayload(r, 'control'),
    input: readPayload(r, 'input'),
    scheduleToCloseTimeout: r.optionalDuration('scheduleToCloseTimeout'),
    taskList: readDecisionTaskList(r),
    taskPriority: r.optionalPriority('taskPriority'),
    scheduleToStartTimeout: r.optionalDuration('scheduleToStartTimeout'),
    startToCloseTimeout: r.optionalDuration('startToCloseTimeout'),
    heartbeatTimeout: r.optionalDuration('heartbeatTimeout'),
  }),
  apply: scheduleActivity,
  deny: ({ execution, completedEventId }, a) =>
    void execution.addEvent('ScheduleActivityTaskFailed', {
      activityType: a.activityType,
      activityId: a.activityId,
      cause: NOT_PERMITTED,
      decisionTaskCompletedEventId: completedEventId,
    }),
};

export const REQUEST_CANCEL_ACTIVITY_TASK: DecisionSpec<'RequestCancelActivityTask'> = {
  parse: (r) => ({ activityId: r.requiredString('activityId', { min: 1, max: LIMITS.name }) }),
  apply: requestCancelActivity,
  deny: ({ execution, completedEventId }, a) =>
    void execution.addEvent('RequestCancelActivityTaskFailed', {
      activityId: a.activityId,
      cause: NOT_PERMITTED,
      decisionTaskCompletedEventId: completedEventId,
    }),
};
