/** What `WorkflowExecutionStarted` told the execution about itself. */
export interface StartedInfo {
  readonly input?: string;
  readonly lambdaRole?: string;
  readonly parent?: { readonly workflowId: string; readonly runId: string };
  readonly tagList: readonly string[];
}

export interface ExecutionIdentity {
  readonly workflowType: string;
  readonly workflowId: string;
  readonly runId: string;
}
