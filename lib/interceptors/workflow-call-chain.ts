import type { CallDefinition, WorkflowDefinition } from '../metadata/workflow-definition';
import { chain } from './chain';
import type { CallerView, WorkflowCallInfo } from './workflow-interceptor.types';

type CallFn = (input: unknown, options?: never) => Promise<unknown>;
type Cancellable = { cancel?: () => void };
const ignore = (): undefined => undefined;

function typeOf(call: CallDefinition): string {
  if (call.kind === 'lambda') return call.functionName;
  const type = call.kind === 'activity' ? call.activityType : call.workflowType;
  return `${type.name}@${type.version}`;
}

/**
 * Wraps one call function the engine installs on a workflow instance in the
 * definition's workflow interceptors. Without interceptors the function is
 * returned as it is. The wrapped future keeps `cancel()` (it cancels the
 * engine's future, once there is one) and, like the engine's own futures,
 * never surfaces as an unhandled rejection.
 */
export function interceptWorkflowCall(definition: WorkflowDefinition, call: CallDefinition, fn: CallFn, caller: () => CallerView): CallFn {
  const interceptors = definition.interceptors ?? [];
  if (interceptors.length === 0) return fn;
  const links = interceptors.map((i) => i.interceptWorkflowCall.bind(i));
  const type = typeOf(call);
  const workflowType = `${definition.name}@${definition.version}`;
  return (input, options) => {
    let future: (Promise<unknown> & Cancellable) | undefined;
    const run = chain<WorkflowCallInfo, unknown>(links, (c) => (future = fn(c.input, c.options as never)));
    const { workflowId, runId, isReplaying, tags } = caller();
    const info: WorkflowCallInfo = {
      kind: call.kind,
      type,
      member: call.member,
      workflowType,
      workflowId,
      runId,
      input,
      ...(options === undefined ? {} : { options: options as Record<string, unknown> }),
      declared: call.options as Readonly<Record<string, unknown>>,
      isReplaying,
      tags,
    };
    const outer = run(info) as Promise<unknown> & Cancellable;
    if (outer !== future) {
      outer.catch(ignore);
      if (call.kind !== 'lambda') Object.defineProperty(outer, 'cancel', { value: () => future?.cancel?.() });
    }
    return outer;
  };
}
