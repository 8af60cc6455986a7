export {
  ActivityFailure,
  CancelledFailure,
  ChildWorkflowFailure,
  LambdaFailure,
  ResultDecodingFailure,
  ScheduleFailure,
  SideEffectFailure,
  TimeoutFailure,
  WorkflowCallFailure,
} from './call-failures';
export type { CallOrigin } from './call-failures';
export type { TimerFuture } from './call-scheduler';
export { decide } from './decide';
export type { DecideOptions } from './decide';
export { eventHandlers } from './event-handlers';
export type { EventHandlers } from './event-handlers';
export { IllegalTransitionError } from './commands';
export { DecisionTooLargeError } from './decision-too-large.error';
export { ExecutionOutOfSyncError } from './execution-sync.error';
export { HistoryReferenceError } from './history-reference.error';
export type { DecisionTaskInput, EventTimestamp, HistoryEventInput } from './history.types';
export { MAX_DECISIONS_PER_RESPONSE, MAX_MARKER_NAME_LENGTH, MAX_PAYLOAD_LENGTH, MAX_REASON_LENGTH } from '../swf';
export { NondeterminismError } from './nondeterminism.error';
export type { DecisionSummary, NondeterminismDetails } from './nondeterminism.error';
export { PayloadTooLargeError } from '../swf';
export { CONTINUE_TIMER_PREFIX } from './replay-state';
export { replayHistory } from './replay-history';
export type { RecordedHistory, ReplayHistoryOptions } from './replay-history';
export { WaitTimeout } from './wait-timeout.error';
export type { FutureArgs } from './wait-condition';
export { WorkflowContext } from './workflow-context';
export type { CancellableScope } from './workflow-context';
export type { ContinueAsNewOptions } from './continue-as-new';
export type { SignalDecoder } from './signals';
export { PATCH_MARKER_PREFIX } from './call-scheduler';
export { WorkflowExecution } from './workflow-execution';
export type { DecideTaskOptions, DecisionResult, ExecutionOptions, WorkflowFactory } from './workflow-execution';
export { WorkflowFailed } from './workflow-failed.error';
export { WorkflowTypeMismatchError } from './workflow-type-mismatch.error';
