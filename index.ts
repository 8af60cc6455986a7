/**
 * What an application writes: the decorators and the types of the members they
 * declare, the workflow context and the failures its calls reject with, the
 * module and factory that run it, the client that starts executions, and the
 * logger interface. The embedded service is `tsflow/local`; the replay engine
 * itself is `tsflow/engine`.
 *
 * @module tsflow
 */
import { assertReflectMetadata } from './lib/reflect-check';

assertReflectMetadata();

export { TsflowError } from './lib/errors';

// Decorators and the types of the members they declare.
export { Activities, Activity, ChildWorkflow, Lambda, Signal, State, UseInterceptors, WorkerModule, Workflow } from './lib/decorators';
export type {
  ActivityCall,
  ActivityCallOf,
  CancellableCall,
  ChildWorkflowCall,
  ChildWorkflowCallOf,
  ChildWorkflowCallOptions,
  InputOf,
  LambdaCall,
  OutputOf,
  Provider,
  WorkerModuleOptions,
} from './lib/decorators';
export { InvalidDefinitionError } from './lib/metadata';
export type {
  ActivitiesOptions,
  ActivityCallOptions,
  ActivityOptions,
  ChildPolicy,
  ChildWorkflowOptions,
  Constructor,
  Duration,
  LambdaOptions,
  RetryPolicy,
  InterceptorItem,
  TypeReference,
  WorkflowOptions,
} from './lib/metadata';

// Dependency injection: tsflow's container is tsyringe's, so its decorators are
// re-exported; an app importing them from here needs no tsyringe of its own
// (and cannot end up with a second copy that tsflow's container does not see).
export { inject, injectAll, injectable, singleton } from 'tsyringe';
export type { DependencyContainer, InjectionToken } from 'tsyringe';

// Inside a workflow: the context, and what its calls reject with.
export {
  ActivityFailure,
  CancelledFailure,
  ChildWorkflowFailure,
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
  WorkflowFailed,
} from './lib/engine';
export type {
  CallOrigin,
  CancellableScope,
  ContinueAsNewOptions,
  DecisionSummary,
  FutureArgs,
  NondeterminismDetails,
  TimerFuture,
} from './lib/engine';
// What a value that cannot travel as an SWF payload (too long, not JSON) rejects with.
export { PayloadDecodingError, PayloadEncodingError } from './lib/swf';

// Inside an activity.
export { ActivityAbandonedError, ActivityCancelledError, ActivityContext, CompleteLater, TypeDeprecatedError } from './lib/workers';

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
export type {
  ClientCallInfo,
  ClientInterceptor,
  CloseStatus,
  ExecutionOperations,
  ExecutionRef,
  FlowConfig,
  ListOptions,
  ResultOptions,
  StartOptions,
  TerminateOptions,
  TimelineOptions,
} from './lib/client';
// The SDK's shapes that the client returns, so an app can name them without importing the SDK.
export type { HistoryEvent, SWFClientConfig, WorkflowExecutionDetail, WorkflowExecutionInfo } from '@aws-sdk/client-swf';

// The application around the workers.
export { FlowApp, FlowFactory, LOGGER, WiringError } from './lib/module';
export type { FlowOptions, LocalLambdaFunction, LocalOptions, OnModuleDestroy, OnModuleInit } from './lib/module';
export { ConsoleLogger } from './lib/logging';

// Interceptors, and the metrics built on them.
export type {
  ActivityCallInfo,
  ActivityInterceptor,
  ActivityTaskInfo,
  ActivityTaskReport,
  CallerView,
  DecisionTaskInfo,
  DecisionTaskReport,
  Interceptor,
  PollEvent,
  WorkerInterceptor,
  WorkflowCallAttempt,
  WorkflowCallInfo,
  WorkflowCallKind,
  WorkflowCallNext,
  WorkflowInterceptor,
} from './lib/interceptors';
export { LoggingInterceptor } from './lib/interceptors';
export { WorkerMetrics, serveMetrics } from './lib/metrics';
export type { MetricSample, MetricsOptions, MetricsServer } from './lib/metrics';
export type { ConsoleLoggerOptions, LogFields, LogLevel, Logger } from './lib/logging';
