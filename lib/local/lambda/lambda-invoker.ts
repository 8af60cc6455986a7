import { TsflowError } from '../../errors/tsflow.error';
/** One Lambda task as the service hands it to an invoker. */
export interface LambdaInvocation {
  functionName: string;
  /** The task's input string, as the decider scheduled it. */
  input?: string;
  /** The role SWF would assume to call the function (decision's or execution's). */
  roleArn: string;
  timeoutSeconds: number;
  /** Aborted when the task times out or its execution closes. */
  signal: AbortSignal;
}

/** How a Lambda call ended: its JSON result, or a failure with reason/details. */
export type LambdaResult = { ok: true; result?: string } | { ok: false; reason: string; details?: string };

/**
 * Runs the functions of `ScheduleLambdaFunction` decisions. The embedded
 * default is {@link InProcessLambdaInvoker}; an AWS Lambda API invoker
 * implements the same interface.
 */
export interface LambdaInvoker {
  invoke(call: LambdaInvocation): Promise<LambdaResult>;
}

/** Thrown by `invoke` for a function name the invoker does not know. */
export class UnknownLambdaFunctionError extends TsflowError {
  constructor(readonly functionName: string) {
    super(`Function not found: ${functionName}`);
    this.name = 'UnknownLambdaFunctionError';
  }
}
