export { chain } from './chain';
export type { Link } from './chain';
export { InterceptorSet } from './interceptor-set';
export type { Interceptor } from './interceptor-set';
export type {
  ActivityCallInfo,
  ActivityInterceptor,
  ActivityTaskInfo,
  ActivityTaskReport,
  DecisionTaskInfo,
  DecisionTaskReport,
  PollEvent,
  WorkerInterceptor,
} from './worker-interceptor.types';
export { LoggingInterceptor } from './logging-interceptor';
export { interceptWorkflowCall } from './workflow-call-chain';
export type {
  CallerView,
  WorkflowCallAttempt,
  WorkflowCallInfo,
  WorkflowCallKind,
  WorkflowCallNext,
  WorkflowInterceptor,
} from './workflow-interceptor.types';
