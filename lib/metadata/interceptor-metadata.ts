import type { WorkflowInterceptor } from '../interceptors/workflow-interceptor.types';
import { INTERCEPTORS_METADATA } from './constants';
import { InvalidDefinitionError } from './definition.error';
import type { Constructor } from './records';

/** An interceptor, or a class of one (resolved from the container, or built with `new` for workflows). */
export type InterceptorItem = object | Constructor<object>;

/** What `@UseInterceptors` put on a class, in the order written. */
export function interceptorItemsOf(target: Constructor): readonly InterceptorItem[] {
  return (Reflect.getOwnMetadata(INTERCEPTORS_METADATA, target) as InterceptorItem[] | undefined) ?? [];
}

function nameOf(interceptor: object): string {
  return interceptor.constructor?.name ?? 'an interceptor';
}

/**
 * The interceptor if it intercepts workflow calls, checked: it must declare
 * `deterministic: true`, since it runs inside every replay. `where` names the
 * module or class it was given to.
 */
export function asWorkflowInterceptor(interceptor: object, where: string): WorkflowInterceptor | undefined {
  const candidate = interceptor as Partial<WorkflowInterceptor>;
  if (typeof candidate.interceptWorkflowCall !== 'function' && typeof candidate.onWorkflowCallAttempt !== 'function') return undefined;
  if (candidate.deterministic !== true) {
    throw new InvalidDefinitionError(
      `${where}: ${nameOf(interceptor)} intercepts workflow calls but does not declare \`deterministic: true\`. ` +
        'Workflow interceptors run inside every replay and must decide the same way each time (no clock, randomness, I/O ' +
        'or state shared between executions); once it does, declare `readonly deterministic = true`.',
    );
  }
  return candidate as WorkflowInterceptor;
}

/** The workflow interceptors `@UseInterceptors` put on a workflow class; classes are built with `new`. */
export function workflowInterceptorsOf(target: Constructor): readonly WorkflowInterceptor[] {
  const where = `@UseInterceptors on ${target.name}`;
  return interceptorItemsOf(target).flatMap((item) => {
    const interceptor = typeof item === 'function' ? new (item as Constructor<object>)() : item;
    const checked = asWorkflowInterceptor(interceptor, where);
    if (!checked) {
      throw new InvalidDefinitionError(
        `${where}: ${nameOf(interceptor)} has neither interceptWorkflowCall nor onWorkflowCallAttempt; on a workflow class only workflow interceptors apply.`,
      );
    }
    return [checked];
  });
}
