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
  /** Sends a signal to a run (the current one without `runId`). */
  signal(workflowId: string, signalName: string, input?: unknown, runId?: string): Promise<void>;
  /** Asks a run to cancel; the workflow decides how it closes. */
  cancel(workflowId: string, runId?: string): Promise<void>;
  /** Closes a run at once, without its workflow's say. */
  terminate(workflowId: string, options?: TerminateOptions): Promise<void>;
  /** SWF's description of a run: status, counts of open calls, configuration. */
  describe(workflowId: string, runId: string): Promise<WorkflowExecutionDetail>;
  /** Every event of a run's history. */
  history(workflowId: string, runId: string, options?: { reverseOrder?: boolean }): Promise<HistoryEvent[]>;
  /** The newest event of a run's history (its close event, once it has closed). */
  lastEvent(workflowId: string, runId: string): Promise<HistoryEvent | undefined>;
  /** The open run of a workflow id, else its most recently started closed one. */
  latestRunId(workflowId: string): Promise<string>;
}
