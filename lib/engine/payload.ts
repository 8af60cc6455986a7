import { TsflowError } from '../errors/tsflow.error';
import { MAX_PAYLOAD_LENGTH } from './limits';
import { PayloadTooLargeError } from './payload-too-large.error';

/** JSON text for SWF, or undefined when there is nothing to send. Throws a clear error when SWF would refuse it. */
export function encodePayload(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new TsflowError(`${what} cannot be encoded as JSON: ${(error as Error).message}.`, { cause: error });
  }
  if (text !== undefined && text.length > MAX_PAYLOAD_LENGTH) throw new PayloadTooLargeError(what, text.length, MAX_PAYLOAD_LENGTH);
  return text;
}

/** An absent or empty payload is `undefined`; anything else must be JSON (a SyntaxError otherwise). */
export function decodePayload(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  return JSON.parse(text) as unknown;
}
