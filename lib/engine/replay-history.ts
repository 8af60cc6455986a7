import { describeWorkflow, type Constructor } from '../metadata';
import type { HistoryEventInput } from './history.types';
import { WorkflowExecution, type DecisionResult, type ExecutionOptions } from './workflow-execution';

/** A history as `GetWorkflowExecutionHistory` returns it (all pages merged), or just its events. */
export type RecordedHistory = readonly HistoryEventInput[] | { readonly events?: readonly HistoryEventInput[] };

export interface ReplayHistoryOptions extends Pick<ExecutionOptions, 'createWorkflow' | 'onStuck' | 'decodeSignal' | 'compareInputs'> {
  /** Shown in errors; recorded histories do not carry them. */
  readonly workflowId?: string;
  readonly runId?: string;
}

/**
 * Replays a recorded history through the current code of `workflowClass` and
 * rejects with `NondeterminismError` if the code no longer makes the decisions
 * the history recorded: a test to run before deploying a change to a workflow
 * that has executions in flight.
 *
 * @example
 * ```ts
 * it('still replays last week's executions', async () => {
 *   await replayHistory(OrderWorkflow, JSON.parse(readFileSync('spec/fixtures/histories/order-1.json', 'utf8')));
 * });
 * ```
 */
export function replayHistory(
  workflowClass: Constructor,
  history: RecordedHistory,
  options: ReplayHistoryOptions = {},
): Promise<DecisionResult> {
  const events = Array.isArray(history)
    ? (history as readonly HistoryEventInput[])
    : ((history as { events?: readonly HistoryEventInput[] }).events ?? []);
  const execution = WorkflowExecution.start(describeWorkflow(workflowClass), {
    ...options,
    workflowId: options.workflowId ?? 'replayed-workflow',
    runId: options.runId ?? 'replayed-run',
  });
  return execution.decide({ events }, { replayOnly: true });
}
