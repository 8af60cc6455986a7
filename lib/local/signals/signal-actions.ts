import { readOpenTarget } from '../executions/execution-lookup';
import type { ServiceContext } from '../service/service-context';
import { readPayload } from '../validation/common-readers';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';

/** Records WorkflowExecutionSignaled on the open run, which wakes its decider. */
export function signalWorkflowExecution(ctx: ServiceContext, input: unknown): void {
  const r = InputReader.of(input, 'SignalWorkflowExecution');
  const signalName = r.requiredString('signalName', { min: 1, max: LIMITS.name });
  const signalInput = readPayload(r, 'input');
  const execution = readOpenTarget(ctx, r);
  execution.addEvent('WorkflowExecutionSignaled', { signalName, input: signalInput });
}
