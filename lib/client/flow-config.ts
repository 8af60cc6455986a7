import type { ClientInterceptor } from './client-interceptor.types';

/** The DI token of the application's SWF settings, shared by the client and the workers. */
export const FLOW_CONFIG = Symbol.for('tsflow:flow-config');

/** Where an application's executions live: the SWF domain and the default decision task list. */
export interface FlowConfig {
  domain: string;
  /** The decision task list workflows are started on unless the type or the call says otherwise. */
  taskList: string;
  /** Shown as the identity in SWF's history (`DecisionTaskStarted`, `ActivityTaskStarted`). */
  identity: string;
  /** A URL prefix where a person can watch an execution (the dev server's dashboard, or the AWS console). */
  watchUrl?: (workflowId: string, runId: string) => string;
  /** The client runs its calls through these, the first one outermost. */
  interceptors?: readonly ClientInterceptor[];
}
