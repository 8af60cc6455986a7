import { TsflowError } from '../errors/tsflow.error';

/** Where an execution is, for messages that say which one failed. */
export interface ExecutionRef {
  workflowId: string;
  runId?: string;
}

const where = ({ workflowId, runId }: ExecutionRef): string => `workflow ${workflowId}${runId ? ` (run ${runId})` : ''}`;

/** An execution closed without a result; `closeStatus` says how. */
export class WorkflowExecutionError extends TsflowError {
  constructor(
    readonly execution: ExecutionRef,
    readonly closeStatus: 'FAILED' | 'TIMED_OUT' | 'TERMINATED' | 'CANCELED',
    message: string,
  ) {
    super(message);
  }
}

export class WorkflowExecutionFailedError extends WorkflowExecutionError {
  constructor(
    execution: ExecutionRef,
    readonly reason: string | undefined,
    readonly details: string | undefined,
  ) {
    super(execution, 'FAILED', `${where(execution)} failed: ${reason ?? '(no reason)'}${details ? `\n${details}` : ''}`);
  }
}

export class WorkflowExecutionTimedOutError extends WorkflowExecutionError {
  constructor(
    execution: ExecutionRef,
    readonly timeoutType: string | undefined,
  ) {
    super(execution, 'TIMED_OUT', `${where(execution)} timed out (${timeoutType ?? 'START_TO_CLOSE'}).`);
  }
}

export class WorkflowExecutionTerminatedError extends WorkflowExecutionError {
  constructor(
    execution: ExecutionRef,
    readonly reason: string | undefined,
    readonly details: string | undefined,
    readonly terminationCause: string | undefined,
  ) {
    super(
      execution,
      'TERMINATED',
      `${where(execution)} was terminated${reason ? `: ${reason}` : ''}${terminationCause ? ` (${terminationCause})` : ''}.`,
    );
  }
}

export class WorkflowExecutionCanceledError extends WorkflowExecutionError {
  constructor(
    execution: ExecutionRef,
    readonly details: string | undefined,
  ) {
    super(execution, 'CANCELED', `${where(execution)} was canceled${details ? `: ${details}` : ''}.`);
  }
}

/** `result()` gave up waiting; the execution itself may still be running. */
export class ResultTimeoutError extends TsflowError {
  constructor(
    readonly execution: ExecutionRef,
    readonly waitedMs: number,
  ) {
    super(`${where(execution)} did not close within ${waitedMs} ms; it may still be running. Wait longer or check it with describe().`);
  }
}

/** An SWF call failed; the message says which call, for what, and SWF's own words. */
export class SwfRequestError extends TsflowError {
  constructor(
    readonly action: string,
    readonly fault: string,
    context: string,
    cause: unknown,
  ) {
    super(`${action} ${context} failed: ${fault}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/** No run, open or closed, has the workflow id a handle was made for. */
export class WorkflowNotFoundError extends TsflowError {
  constructor(
    readonly workflowId: string,
    readonly domain: string,
  ) {
    super(
      `No execution with workflow id ${workflowId} in domain ${domain}, open or closed; check the id and the domain (closed runs are kept for the domain's retention period).`,
    );
  }
}

/** Input or a result that is not JSON SWF can carry. */
export { PayloadError } from '../swf/payload.errors';

export function describeExecution(execution: ExecutionRef): string {
  return where(execution);
}
