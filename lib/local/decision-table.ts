import type { DecisionType } from '@aws-sdk/client-swf';
import { requestCancelActivity, scheduleActivity } from './activities/activity-decisions';
import { startChild } from './children/child-decisions';
import { cancelExecution, completeExecution, continueAsNew, failExecution } from './executions/close-decisions';
import type { DecisionAttributesMap } from './decision-tasks/decision-attributes';
import type { DecisionScope } from './decision-tasks/decision-scope';
import { requestCancelExternal, signalExternal } from './signals/external-decisions';
import { scheduleLambda } from './lambda-functions/lambda-decisions';
import { cancelTimer, recordMarker, startTimer } from './timers/timer-decisions';

export type DecisionHandler<K extends DecisionType> = (scope: DecisionScope, attributes: DecisionAttributesMap[K]) => void;

/** One handler per decision type; adding a decision type is a compile error until it is handled here. */
export const DECISION_HANDLERS: { [K in DecisionType]: DecisionHandler<K> } = {
  ScheduleActivityTask: scheduleActivity,
  RequestCancelActivityTask: requestCancelActivity,
  CompleteWorkflowExecution: completeExecution,
  FailWorkflowExecution: failExecution,
  CancelWorkflowExecution: cancelExecution,
  ContinueAsNewWorkflowExecution: continueAsNew,
  RecordMarker: recordMarker,
  StartTimer: startTimer,
  CancelTimer: cancelTimer,
  SignalExternalWorkflowExecution: signalExternal,
  RequestCancelExternalWorkflowExecution: requestCancelExternal,
  StartChildWorkflowExecution: startChild,
  ScheduleLambdaFunction: scheduleLambda,
};
