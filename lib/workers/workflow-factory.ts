import type { DependencyContainer } from 'tsyringe';
import { WorkflowContext, type WorkflowFactory } from '../engine';
import { TsflowError } from '../errors/tsflow.error';

/**
 * The engine's workflow factory for a DI container: each execution resolves its
 * workflow class from a child of `container`, with its `WorkflowContext` provided.
 *
 * @example
 * ```ts
 * await replayHistory(OrderWorkflow, history, { createWorkflow: containerWorkflowFactory(container) });
 * ```
 */
export function containerWorkflowFactory(container: DependencyContainer): WorkflowFactory {
  return (definition, context) => {
    const scope = container.createChildContainer();
    scope.registerInstance(WorkflowContext, context);
    try {
      return scope.resolve(definition.target) as object;
    } catch (error) {
      throw new TsflowError(
        `${(error as Error).message}. Register the constructor dependencies of ${definition.target.name} as providers ` +
          '(in the module, or in the container given to containerWorkflowFactory); WorkflowContext is provided by tsflow.',
        { cause: error },
      );
    }
  };
}
