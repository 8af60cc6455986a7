import { type LambdaResult, UnknownLambdaFunctionError } from '../lambda/lambda-invoker';
import type { ServiceContext } from '../service/service-context';
import { LIMITS } from '../validation/swf-limits';
import type { ExecutionRecord } from '../model/execution-record';
import type { LambdaState } from '../model/task-states';

export interface LambdaRequest {
  id: string;
  name: string;
  control?: string;
  input?: string;
  startToCloseTimeout: string;
}

/** Records LambdaFunctionScheduled; the call itself starts in {@link runLambdaTask}. */
export function scheduleLambdaTask(execution: ExecutionRecord, request: LambdaRequest, decisionTaskCompletedEventId: number): LambdaState {
  const scheduledEventId = execution.addEvent('LambdaFunctionScheduled', { ...request, decisionTaskCompletedEventId });
  const state: LambdaState = { id: request.id, name: request.name, scheduledEventId, abort: new AbortController() };
  execution.lambdas.set(request.id, state);
  return state;
}

/**
 * Calls the function through the invoker under the execution's Lambda role.
 * LambdaFunctionStarted is recorded once the invoker has accepted the call
 * (it answered, or the timeout struck), so an unknown function or a missing
 * role yields StartLambdaFunctionFailed and no Started event, as in SWF.
 */
export function runLambdaTask(
  ctx: ServiceContext,
  execution: ExecutionRecord,
  state: LambdaState,
  request: LambdaRequest,
  timeoutAtMs = ctx.clock.now() + Number(request.startToCloseTimeout) * 1000,
): void {
  const role = execution.config.lambdaRole;
  if (!role) return failToStart(execution, state, 'ASSUME_ROLE_FAILED', noRoleMessage(execution));
  const invoker = ctx.lambdaInvoker;
  // After a restart the call runs again in what is left of its timeout.
  const timeoutSeconds = Math.max(1, Math.ceil((timeoutAtMs - ctx.clock.now()) / 1000));
  state.timer = ctx.timers.at(timeoutAtMs, () => {
    if (!isCurrent(execution, state)) return;
    const startedEventId = markStarted(execution, state);
    close(execution, state);
    state.abort.abort();
    execution.addEvent('LambdaFunctionTimedOut', {
      scheduledEventId: state.scheduledEventId,
      startedEventId,
      timeoutType: 'START_TO_CLOSE',
    });
  });
  const call = { functionName: request.name, input: request.input, roleArn: role, timeoutSeconds, signal: state.abort.signal };
  Promise.resolve()
    .then(() => invoker.invoke(call))
    .then(
      (result) => settle(execution, state, result),
      (error: unknown) => {
        if (!isCurrent(execution, state)) return;
        if (error instanceof UnknownLambdaFunctionError) {
          return failToStart(execution, state, undefined, `Function not found: ${request.name} (${error.message})`);
        }
        const e = error instanceof Error ? error : new Error(String(error));
        settle(execution, state, { ok: false, reason: `${e.name}: ${e.message}`, details: e.stack });
      },
    );
}

function settle(execution: ExecutionRecord, state: LambdaState, result: LambdaResult): void {
  if (!isCurrent(execution, state)) return;
  const startedEventId = markStarted(execution, state);
  close(execution, state);
  const ids = { scheduledEventId: state.scheduledEventId, startedEventId };
  if (result.ok) {
    execution.addEvent('LambdaFunctionCompleted', { ...ids, result: result.result });
  } else {
    execution.addEvent('LambdaFunctionFailed', {
      ...ids,
      reason: result.reason.slice(0, LIMITS.reason),
      details: result.details?.slice(0, LIMITS.payload),
    });
  }
}

function failToStart(execution: ExecutionRecord, state: LambdaState, cause: 'ASSUME_ROLE_FAILED' | undefined, message: string): void {
  close(execution, state);
  execution.addEvent('StartLambdaFunctionFailed', {
    scheduledEventId: state.scheduledEventId,
    cause,
    message: message.slice(0, 1728),
  });
}

function noRoleMessage(execution: ExecutionRecord): string {
  return (
    `No Lambda role: ${execution.describe()} was started without lambdaRole and its workflow type ` +
    `${execution.workflowType.name} ${execution.workflowType.version} registers no defaultLambdaRole`
  );
}

function markStarted(execution: ExecutionRecord, state: LambdaState): number {
  state.startedEventId ??= execution.addEvent('LambdaFunctionStarted', { scheduledEventId: state.scheduledEventId });
  return state.startedEventId;
}

function close(execution: ExecutionRecord, state: LambdaState): void {
  state.timer?.cancel();
  execution.lambdas.delete(state.id);
}

function isCurrent(execution: ExecutionRecord, state: LambdaState): boolean {
  return execution.isOpen && execution.lambdas.get(state.id) === state;
}
