export { ActivityCompletion } from './activity-completion';
export {
  PayloadError,
  ResultTimeoutError,
  SwfRequestError,
  WorkflowExecutionCanceledError,
  WorkflowExecutionError,
  WorkflowExecutionFailedError,
  WorkflowExecutionTerminatedError,
  WorkflowExecutionTimedOutError,
  WorkflowNotFoundError,
} from './client.errors';
export type { ExecutionRef } from './client.errors';
export { FLOW_CONFIG } from './flow-config';
export type { FlowConfig } from './flow-config';
export type { CloseStatus, ListOptions } from './list-executions';
export { WorkflowClient } from './workflow-client';
export type { StartOptions } from './workflow-client';
export { UnknownActivityTaskError } from './unknown-activity-task.error';
export { WorkflowHandle } from './workflow-handle';
export type { ResultOptions } from './workflow-handle';
export type { ExecutionOperations, TerminateOptions } from './execution-operations';
export { formatTimeline } from './timeline';
export type { TimelineOptions } from './timeline';
