import type { EventType } from '@aws-sdk/client-swf';

/**
 * Events after which SWF schedules a decision task (if none is scheduled;
 * after the started one completes if one is started). Events the decider
 * itself caused and that need no reaction (ActivityTaskScheduled,
 * TimerStarted, …) are absent.
 */
export const DECIDER_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'WorkflowExecutionStarted',
  'WorkflowExecutionSignaled',
  'WorkflowExecutionCancelRequested',
  'DecisionTaskTimedOut',
  'ActivityTaskCompleted',
  'ActivityTaskFailed',
  'ActivityTaskTimedOut',
  'ActivityTaskCanceled',
  'TimerFired',
  'ChildWorkflowExecutionStarted',
  'ChildWorkflowExecutionCompleted',
  'ChildWorkflowExecutionFailed',
  'ChildWorkflowExecutionTimedOut',
  'ChildWorkflowExecutionCanceled',
  'ChildWorkflowExecutionTerminated',
  'StartChildWorkflowExecutionFailed',
  'ExternalWorkflowExecutionSignaled',
  'SignalExternalWorkflowExecutionFailed',
  'ExternalWorkflowExecutionCancelRequested',
  'RequestCancelExternalWorkflowExecutionFailed',
  'LambdaFunctionCompleted',
  'LambdaFunctionFailed',
  'LambdaFunctionTimedOut',
  'StartLambdaFunctionFailed',
  'ScheduleLambdaFunctionFailed',
  'ScheduleActivityTaskFailed',
  'RequestCancelActivityTaskFailed',
  'StartTimerFailed',
  'CancelTimerFailed',
  'RecordMarkerFailed',
  'CompleteWorkflowExecutionFailed',
  'FailWorkflowExecutionFailed',
  'CancelWorkflowExecutionFailed',
  'ContinueAsNewWorkflowExecutionFailed',
]);
