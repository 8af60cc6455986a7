import type { WorkflowExecutionDetail } from '@aws-sdk/client-swf';
import { describeExecution, type ExecutionRef } from './client.errors';
import { decodePayload } from '../swf';

/**
 * The state a workflow published (its `executionContext`, sent with its latest
 * decision), decoded from JSON; `undefined` when it published none.
 */
export function publishedState<T>(detail: WorkflowExecutionDetail, execution: ExecutionRef): T | undefined {
  const context = detail.latestExecutionContext;
  if (context === undefined || context === '') return undefined;
  return decodePayload<T>(context, `The published state (latestExecutionContext) of ${describeExecution(execution)}`);
}
