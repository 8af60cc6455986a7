import { assertReflectMetadata } from './lib/reflect-check';

assertReflectMetadata();

export { TsflowError } from './lib/errors';

// Decorators and the types of the members they declare.
export { Activities, Activity, ChildWorkflow, Lambda, Signal, State, WorkerModule, Workflow } from './lib/decorators';
export type {
  ActivityCall,
  ActivityCallOf,
  CancellableCall,
  ChildWorkflowCall,
  ChildWorkflowCallOf,
  ChildWorkflowCallOptions,
  LambdaCall,
  Provider,
  WorkerModuleOptions,
} from './lib/decorators';

// Definitions, as validated at bootstrap.
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
  WorkflowFactory,
  CancellableScope,
  ContinueAsNewOptions,
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
  RetryPolicy,
  TypeReference,
  WorkflowDefinition,
  WorkflowOptions,
} from './lib/metadata';

// Starting and watching executions.
export {
  ActivityCompletion,
  PayloadError,
  ResultTimeoutError,
  SwfRequestError,
  UnknownActivityTaskError,
  WorkflowClient,
  WorkflowExecutionCanceledError,
  WorkflowExecutionError,
  WorkflowExecutionFailedError,
  WorkflowExecutionTerminatedError,
  WorkflowExecutionTimedOutError,
  WorkflowHandle,
  WorkflowNotFoundError,
  formatTimeline,
} from './lib/client';
export type { CloseStatus, ListOptions, ResultOptions, StartOptions, TimelineOptions } from './lib/client';

// Workers and the application around them.
export {
  ActivityAbandonedError,
  ActivityCancelledError,
  ActivityContext,
  ActivityInputDecodeError,
  ActivityInputValidationError,
  ActivityWorker,
  CompleteLater,
  DeciderWorker,
  REGISTRATION_DEFAULTS,
  TypeDeprecatedError,
  containerWorkflowFactory,
} from './lib/workers';
export type { ActivityWorkerOptions, DeciderWorkerOptions } from './lib/workers';
export { FlowApp, FlowFactory, LOGGER, WiringError } from './lib/module';
export type { FlowOptions, LocalLambdaFunction, LocalOptions, OnModuleDestroy, OnModuleInit } from './lib/module';
export { ConsoleLogger } from './lib/logging';
export type { ConsoleLoggerOptions, LogFields, LogLevel, Logger } from './lib/logging';

// The embedded SWF-compatible service.
export {
  AwsLambdaInvoker,
  InProcessLambdaInvoker,
  LocalSwfBackend,
  LocalSwfService,
  ManualClock,
  SwfFault,
  SystemClock,
  TimeSkipper,
  UnknownLambdaFunctionError,
  dashboardUrl,
} from './lib/local';
export type {
  AwsLambdaInvokerOptions,
  Clock,
  InProcessLambdaFunction,
  LambdaInvocation,
  LambdaInvoker,
  LambdaResult,
  ListenOptions,
  ListeningServer,
  LocalSwfBackendOptions,
  LocalSwfServiceOptions,
} from './lib/local';
