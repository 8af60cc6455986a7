import { InvokeCommand, LambdaClient, ResourceNotFoundException, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { MAX_PAYLOAD_LENGTH } from '../../swf/limits';
import { UnknownLambdaFunctionError, type LambdaInvocation, type LambdaInvoker, type LambdaResult } from './lambda-invoker';

export interface AwsLambdaInvokerOptions {
  /** Config for the `LambdaClient` this invoker creates (region, credentials, `endpoint`). */
  clientConfig?: LambdaClientConfig;
  /** Use this client instead of creating one; `clientConfig` is then ignored. */
  client?: LambdaClient;
}

const MAX_REASON = 256;
const MAX_DETAILS = MAX_PAYLOAD_LENGTH;

/**
 * Runs Lambda tasks through the Lambda Invoke API (any endpoint: AWS, or a
 * local emulator), synchronously (`RequestResponse`). The task's input is the
 * payload as is; the function's response payload becomes the result.
 *
 * The execution's Lambda role is not assumed: the client's own credentials
 * call the function, which is what a development service can honestly do.
 *
 * @example
 * const lambdaInvoker = new AwsLambdaInvoker({ clientConfig: { region: 'us-east-1' } });
 * const service = new LocalSwfService({ lambdaInvoker });
 */
export class AwsLambdaInvoker implements LambdaInvoker {
  readonly client: LambdaClient;

  constructor(options: AwsLambdaInvokerOptions = {}) {
    this.client = options.client ?? new LambdaClient(options.clientConfig ?? {});
  }

  async invoke(call: LambdaInvocation): Promise<LambdaResult> {
    const command = new InvokeCommand({
      FunctionName: call.functionName,
      InvocationType: 'RequestResponse',
      Payload: call.input === undefined ? undefined : Buffer.from(call.input, 'utf8'),
    });
    let response;
    try {
      response = await this.client.send(command, { abortSignal: call.signal });
    } catch (error) {
      if (error instanceof ResourceNotFoundException) throw new UnknownLambdaFunctionError(call.functionName);
      // An abort means the service timed the task out or closed its execution; it records that itself.
      if (call.signal.aborted) throw error;
      const failure = error instanceof Error ? error : new Error(String(error));
      return failed(`${failure.name}: ${failure.message}`, `Lambda Invoke of ${call.functionName} failed: ${failure.message}`);
    }
    const payload = response.Payload === undefined ? undefined : Buffer.from(response.Payload).toString('utf8');
    if (response.FunctionError !== undefined) return functionFailure(response.FunctionError, payload);
    return { ok: true, result: payload === undefined || payload === '' ? undefined : payload };
  }

  /** Releases the client's sockets. */
  destroy(): void {
    this.client.destroy();
  }
}

/**
 * Lambda reports a thrown error as `{ errorType, errorMessage, stackTrace }`;
 * shape it like the in-process invoker does (`Type: message`, stack as details)
 * so a workflow sees the same failure whichever invoker ran the function.
 */
function functionFailure(functionError: string, payload: string | undefined): LambdaResult {
  const report = parseErrorReport(payload);
  if (report === undefined) return failed(`${functionError}`, payload);
  const reason = `${report.errorType ?? functionError}: ${report.errorMessage ?? ''}`;
  const stack = Array.isArray(report.stackTrace) ? report.stackTrace.map(String) : [];
  return failed(reason, [reason, ...stack.map((line) => `    ${line.trim()}`)].join('\n'));
}

interface ErrorReport {
  errorType?: string;
  errorMessage?: string;
  stackTrace?: unknown;
}

function parseErrorReport(payload: string | undefined): ErrorReport | undefined {
  if (payload === undefined) return undefined;
  try {
    const parsed = JSON.parse(payload) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { errorType, errorMessage, stackTrace } = parsed as Record<string, unknown>;
    if (typeof errorType !== 'string' && typeof errorMessage !== 'string') return undefined;
    return {
      errorType: typeof errorType === 'string' ? errorType : undefined,
      errorMessage: typeof errorMessage === 'string' ? errorMessage : undefined,
      stackTrace,
    };
  } catch {
    return undefined;
  }
}

function failed(reason: string, details: string | undefined): LambdaResult {
  return { ok: false, reason: reason.slice(0, MAX_REASON), details: details?.slice(0, MAX_DETAILS) };
}
