import type { ActivityTask, DecisionTask } from '@aws-sdk/client-swf';
import type { ActivityTaskInfo, DecisionTaskInfo } from '../interceptors/worker-interceptor.types';
import type { ExecutionTags } from './execution-tags';

/** What worker interceptors are told about a decision task; the tags come from its first event when the poll read it. */
export function decisionTaskInfo(task: DecisionTask, taskList: string, tags: ExecutionTags): DecisionTaskInfo {
  const execution = task.workflowExecution ?? { workflowId: undefined, runId: undefined };
  const first = task.events?.[0];
  if (first?.eventType === 'WorkflowExecutionStarted')
    tags.remember(execution.runId ?? '', first.workflowExecutionStartedEventAttributes?.tagList ?? []);
  return {
    kind: 'decision-task',
    type: `${task.workflowType?.name}@${task.workflowType?.version}`,
    taskList,
    workflowId: execution.workflowId ?? '',
    runId: execution.runId ?? '',
    startedEventId: task.startedEventId ?? 0,
    previousStartedEventId: task.previousStartedEventId ?? 0,
    eventsFetched: task.events?.length ?? 0,
    tags: () => tags.of(execution),
  };
}

/** What worker and activity interceptors are told about an activity task. */
export function activityTaskInfo(task: ActivityTask, taskList: string, attempt: number, tags: ExecutionTags): ActivityTaskInfo {
  const execution = task.workflowExecution ?? { workflowId: undefined, runId: undefined };
  return {
    kind: 'activity-task',
    type: `${task.activityType?.name}@${task.activityType?.version}`,
    taskList,
    activityId: task.activityId ?? '',
    workflowId: execution.workflowId ?? '',
    runId: execution.runId ?? '',
    attempt,
    tags: () => tags.of(execution),
  };
}
