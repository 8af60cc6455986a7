import { REQUEST_CANCEL_ACTIVITY_TASK, SCHEDULE_ACTIVITY_TASK } from './activities/activity-decisions';
import { START_CHILD_WORKFLOW_EXECUTION } from './children/child-decisions';
import type { DecisionTable } from './decision-tasks/decision-spec';
import { REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION } from './executions/cancel-external-decisions';
import {
  CANCEL_WORKFLOW_EXECUTION,
  COMPLETE_WORKFLOW_EXECUTION,
  CONTINUE_AS_NEW_WORKFLOW_EXECUTION,
  FAIL_WORKFLOW_EXECUTION,
} from './executions/close-decisions';
import { SCHEDULE_LAMBDA_FUNCTION } from './lambda-functions/lambda-decisions';
import { RECORD_MARKER } from './markers/marker-decisions';
import { SIGNAL_EXTERNAL_WORKFLOW_EXECUTION } from './signals/signal-decisions';
import { CANCEL_TIMER, START_TIMER } from './timers/timer-decisions';

/**
 * The index of the 13 decision types: each one's parse, apply and deny live
 * in the folder of its concept.
 */
export const DECISIONS: DecisionTable = {
  ScheduleActivityTask: SCHEDULE_ACTIVITY_TASK,
  RequestCancelActivityTask: REQUEST_CANCEL_ACTIVITY_TASK,
  CompleteWorkflowExecution: COMPLETE_WORKFLOW_EXECUTION,
  FailWorkflowExecution: FAIL_WORKFLOW_EXECUTION,
  CancelWorkflowExecution: CANCEL_WORKFLOW_EXECUTION,
  ContinueAsNewWorkflowExecution: CONTINUE_AS_NEW_WORKFLOW_EXECUTION,
  RecordMarker: RECORD_MARKER,
  StartTimer: START_TIMER,
  CancelTimer: CANCEL_TIMER,
  SignalExternalWorkflowExecution: SIGNAL_EXTERNAL_WORKFLOW_EXECUTION,
  RequestCancelExternalWorkflowExecution: REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION,
  StartChildWorkflowExecution: START_CHILD_WORKFLOW_EXECUTION,
  ScheduleLambdaFunction: SCHEDULE_LAMBDA_FUNCTION,
};
