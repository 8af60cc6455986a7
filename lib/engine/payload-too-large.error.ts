import { TsflowError } from '../errors/tsflow.error';

/**
 * A value is longer than SWF accepts (32,768 characters for inputs, results,
 * details and execution contexts). Raised before any API call could be rejected.
 */
export class PayloadTooLargeError extends TsflowError {
  constructor(
    readonly what: string,
    readonly length: number,
    readonly limit: number,
  ) {
    super(`${what} is ${length} characters of JSON; SWF accepts at most ${limit}. Pass a reference (e.g. an S3 key) instead of the data.`);
  }
}
