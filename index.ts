import { assertReflectMetadata } from './lib/reflect-check';

assertReflectMetadata();

export { TsflowError } from './lib/errors';
export { Activities, Activity, ChildWorkflow, Lambda, Workflow } from './lib/decorators';
export type {
  ActivityCall,
  ActivityCallOf,
  ChildWorkflowCall,
  ChildWorkflowCallOf,
  ChildWorkflowCallOptions,
  LambdaCall,
} from './lib/decorators';
export { InvalidDefinitionError, TypeRegistry, describeActivities, describeWorkflow } from './lib/metadata';
export {
  ActivityFailure,
  CancelledFailure,
  ChildWorkflowFailure,
  ExecutionOutOfSyncError,
  LambdaFailure,
  NondeterminismError,
  PayloadTooLargeError,
  ResultDecodingFailure,
  ScheduleFailure,
  SideEffectFailure,
  TimeoutFailure,
  WaitTimeout,
  WorkflowCallFailure,
  WorkflowContext,
  WorkflowExecution,
  WorkflowFailed,
  WorkflowTypeMismatchError,
  decide,
  replayHistory,
} from './lib/engine';
export type {
  CallOrigin,
  DecideOptions,
  DecisionResult,
  DecisionSummary,
  DecisionTaskInput,
  EventTimestamp,
  ExecutionOptions,
  FutureArgs,
  HistoryEventInput,
  RecordedHistory,
  ReplayHistoryOptions,
  TimerFuture,
} from './lib/engine';
export type {
  ActivitiesOptions,
  ActivityCallOptions,
  ActivityOptions,
  ActivityTypeDefinition,
  CallDefinition,
  ChildPolicy,
  ChildWorkflowOptions,
  Constructor,
  Duration,
  LambdaOptions,
  TypeReference,
  WorkflowDefinition,
  WorkflowOptions,
} from './lib/metadata';
