import { TsflowError } from '../errors/tsflow.error';

/** A value cannot travel as an SWF payload (input, result, details, context). */
export class PayloadError extends TsflowError {}

/**
 * A value is longer than SWF accepts (32,768 characters for inputs, results,
 * details and execution contexts). Raised before any API call could be rejected.
 */
export class PayloadTooLargeError extends PayloadError {
  constructor(
    readonly what: string,
    readonly length: number,
    readonly limit: number,
  ) {
    super(`${what} is ${length} characters of JSON; SWF accepts at most ${limit}. Pass a reference (e.g. an S3 key) instead of the data.`);
  }
}

/** A value JSON cannot encode (a cycle, a BigInt, a function or symbol on its own). */
export class PayloadEncodingError extends PayloadError {}

/** A payload SWF carried is not JSON. */
export class PayloadDecodingError extends PayloadError {
  constructor(
    readonly what: string,
    readonly text: string,
    cause: unknown,
  ) {
    super(`${what} is not valid JSON (${(cause as Error).message}); it starts with ${JSON.stringify(text.slice(0, 200))}.`, { cause });
  }
}
