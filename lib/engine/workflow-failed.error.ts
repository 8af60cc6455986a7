import { TsflowError } from '../errors/tsflow.error';

/**
 * Throw it from `run` to fail the execution with your own reason and details
 * (`FailWorkflowExecution`).
 *
 * @example
 * ```ts
 * if (!order.items.length) throw new WorkflowFailed('EmptyOrder', JSON.stringify({ orderId: order.id }));
 * ```
 */
export class WorkflowFailed extends TsflowError {
  constructor(
    readonly reason: string,
    readonly details?: string,
  ) {
    super(`Workflow failed: ${reason}`);
  }
}
