import { type LambdaInvocation, type LambdaInvoker, type LambdaResult, UnknownLambdaFunctionError } from './lambda-invoker';
import { MAX_PAYLOAD_LENGTH, MAX_REASON_LENGTH } from '../../swf/limits';
import { truncate, truncateOptional } from '../../swf/truncate';

/** A function run in place of a Lambda: receives the decoded input, returns a JSON-encodable result. */
export type InProcessLambdaFunction = (input: unknown) => unknown | Promise<unknown>;

/**
 * Runs Lambda tasks as plain functions registered by name, inside the
 * service's process: the embedded default.
 *
 * @example
 * const lambdas = new InProcessLambdaInvoker().register('string_upcase', (s) => String(s).toUpperCase());
 * new LocalSwfBackend({ lambdaInvoker: lambdas });
 */
export class InProcessLambdaInvoker implements LambdaInvoker {
  private readonly functions = new Map<string, InProcessLambdaFunction>();

  register(name: string, fn: InProcessLambdaFunction): this {
    if (!name) throw new TypeError('InProcessLambdaInvoker.register: the function name must not be empty');
    this.functions.set(name, fn);
    return this;
  }

  has(name: string): boolean {
    return this.functions.has(name);
  }

  async invoke(call: LambdaInvocation): Promise<LambdaResult> {
    const fn = this.functions.get(call.functionName);
    if (!fn) throw new UnknownLambdaFunctionError(call.functionName);
    let input: unknown;
    try {
      input = call.input === undefined || call.input === '' ? undefined : JSON.parse(call.input);
    } catch (error) {
      return { ok: false, reason: 'InvalidInput', details: `input is not JSON: ${(error as Error).message}` };
    }
    try {
      const value = await fn(input);
      // As the Lambda Node.js runtime does, a function that returns nothing answers JSON null.
      return { ok: true, result: JSON.stringify(value ?? null) };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      return {
        ok: false,
        reason: truncate(`${e.name}: ${e.message}`, MAX_REASON_LENGTH),
        details: truncateOptional(e.stack, MAX_PAYLOAD_LENGTH),
      };
    }
  }
}
