import type { DecisionType } from '@aws-sdk/client-swf';
import type { DecisionAttributesMap } from './decision-attributes';
import type { DecisionScope } from './decision-scope';

type Denial<K extends DecisionType> = (scope: DecisionScope, attributes: DecisionAttributesMap[K]) => void;

const CAUSE = 'OPERATION_NOT_PERMITTED';

/**
 * The `*Failed` event SWF records for a decision its caller may not make.
 * ScheduleLambdaFunction has no such cause: Lambda access is the
 * execution's role (StartLambdaFunctionFailed, ASSUME_ROLE_FAILED).
 */
export const DECISION_DENIALS: { [K in Exclude<DecisionType, 'ScheduleLambdaFunction'>]: Denial<K> } = {
  ScheduleActivityTask: ({ execution, completedEventId }, a) =>
    execution.addEvent('ScheduleActivityTaskFailed', {
      activityType: a.activityType,
      activityId: a.activityId,
      cause: CAUSE,
      decisionTaskCompletedEventId: completedEventId,
    }),
  RequestCancelActivityTask: ({ execution, completedEventId }, a) =>
    execution.addEvent('RequestCancelActivityTaskFailed', {
      activityId: a.activityId,
      cause: CAUSE,
      decisionTaskCompletedEventId: completedEventId,
    }),
  CompleteWorkflowExecution: ({ execution, completedEventId }) =>
    execution.addEvent('CompleteWorkflowExecutionFailed', { cause: CAUSE, decisionTaskCompletedEventId: completedEventId }),
  FailWorkflowExecution: ({ execution, completedEventId }) =>
    execution.addEvent('FailWorkflowExecutionFailed', { cause: CAUSE, decisionTaskCompletedEventId: completedEventId }),
  CancelWorkflowExecution: ({ execution, completedEventId }) =>
    execution.addEvent('CancelWorkflowExecutionFailed', { cause: CAUSE, decisionTaskCompletedEventId: completedEventId }),
  ContinueAsNewWorkflowExecution: ({ execution, completedEventId }) =>
    execution.addEvent('ContinueAsNewWorkflowExecutionFailed', { cause: CAUSE, decisionTaskCompletedEventId: completedEventId }),
  RecordMarker: ({ execution, completedEventId }, a) =>
    execution.addEvent('RecordMarkerFailed', { markerName: a.markerName, cause: CAUSE, decisionTaskCompletedEventId: completedEventId }),
  StartTimer: ({ execution, completedEventId }, a) =>
    execution.addEvent('StartTimerFailed', { timerId: a.timerId, cause: CAUSE, decisionTaskCompletedEventId: completedEventId }),
  CancelTimer: ({ execution, completedEventId }, a) =>
    execution.addEvent('CancelTimerFailed', { timerId: a.timerId, cause: CAUSE, decisionTaskCompletedEventId: completedEventId }),
  SignalExternalWorkflowExecution: ({ execution, completedEventId }, a) =>
    execution.addEvent('SignalExternalWorkflowExecutionFailed', {
      workflowId: a.workflowId,
      runId: a.runId,
      cause: CAUSE,
      initiatedEventId: 0,
      decisionTaskCompletedEventId: completedEventId,
      control: a.control,
    }),
  RequestCancelExternalWorkflowExecution: ({ execution, completedEventId }, a) =>
    execution.addEvent('RequestCancelExternalWorkflowExecutionFailed', {
      workflowId: a.workflowId,
      runId: a.runId,
      cause: CAUSE,
      initiatedEventId: 0,
      decisionTaskCompletedEventId: completedEventId,
      control: a.control,
    }),
  StartChildWorkflowExecution: ({ execution, completedEventId }, a) =>
    execution.addEvent('StartChildWorkflowExecutionFailed', {
      workflowType: a.workflowType,
      cause: CAUSE,
      workflowId: a.workflowId,
      initiatedEventId: 0,
      decisionTaskCompletedEventId: completedEventId,
      control: a.control,
    }),
};
