import { describeWorkflow, type Constructor } from '../metadata';
import type { DecisionTaskInput } from './history.types';
import { WorkflowExecution, type DecisionResult, type ExecutionOptions } from './workflow-execution';

export type DecideOptions = Pick<ExecutionOptions, 'createWorkflow' | 'onStuck' | 'decodeSignal' | 'compareInputs'>;

/**
 * Replays a decision task's whole history through `workflowClass` and returns
 * the decisions to respond with. Throws `NondeterminismError` when the
 * workflow no longer makes the decisions its history recorded.
 *
 * @example
 * ```ts
 * const task = await pollAllPages(swf, { domain, taskList });
 * const { decisions, executionContext } = await decide(StringTransformer, task);
 * await swf.respondDecisionTaskCompleted({ taskToken: task.taskToken, decisions, executionContext });
 * ```
 */
export function decide(workflowClass: Constructor, decisionTask: DecisionTaskInput, options: DecideOptions = {}): Promise<DecisionResult> {
  const execution = WorkflowExecution.start(describeWorkflow(workflowClass), {
    ...options,
    workflowId: decisionTask.workflowExecution?.workflowId ?? '',
    runId: decisionTask.workflowExecution?.runId ?? '',
  });
  return execution.decide(decisionTask);
}
