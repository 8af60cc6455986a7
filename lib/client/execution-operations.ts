import type { HistoryEvent, WorkflowExecutionDetail } from '@aws-sdk/client-swf';
import type { ChildPolicy } from '../metadata/options';

/** How `terminate` closes an execution. */
export interface TerminateOptions {
  runId?: string;
  reason?: string;
  details?: string;
  childPolicy?: ChildPolicy;
}

/**
 * What a `WorkflowHandle` asks of its client: the calls on one execution.
 * `WorkflowClient` implements it; the handle never talks to SWF itself.
 */
export interface ExecutionOperations {
  signal(workflowId: string, signalName: string, input?: unknown, runId?: string): Promise<void>;
  cancel(workflowId: string, runId?: string): Promise<void>;
  terminate(workflowId: string, options?: TerminateOptions): Promise<void>;
  describe(workflowId: string, runId: string): Promise<WorkflowExecutionDetail>;
  history(workflowId: string, runId: string, options?: { reverseOrder?: boolean }): Promise<HistoryEvent[]>;
  /** The newest event of a run's history (its close event, once it has closed). */
  lastEvent(workflowId: string, runId: string): Promise<HistoryEvent | undefined>;
  /** The open run of a workflow id, else its most recently started closed one. */
  latestRunId(workflowId: string): Promise<string>;
}
