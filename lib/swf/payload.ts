import { MAX_PAYLOAD_LENGTH } from './limits';
import { PayloadDecodingError, PayloadEncodingError, PayloadTooLargeError } from './payload.errors';

/**
 * The one JSON codec of SWF payloads: `undefined` travels as no payload at all;
 * anything else as JSON text of at most `limit` characters, or a clear error saying what (`what`) failed.
 */
export function encodePayload(value: unknown, what: string, limit: number = MAX_PAYLOAD_LENGTH): string | undefined {
  if (value === undefined) return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new PayloadEncodingError(`${what} cannot be encoded as JSON: ${(error as Error).message}.`, { cause: error });
  }
  if (text === undefined) throw new PayloadEncodingError(`${what} cannot be encoded as JSON (got a ${typeof value}).`);
  if (text.length > limit) throw new PayloadTooLargeError(what, text.length, limit);
  return text;
}

/** An absent or empty payload is `undefined`; anything else must be JSON (`PayloadDecodingError` otherwise). */
export function decodePayload<T = unknown>(text: string | undefined, what: string): T {
  if (text === undefined || text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new PayloadDecodingError(what, text, error);
  }
}

/**
 * Details as activities send them (failure and cancellation details, heartbeats):
 * a string as it is, anything else as JSON; at most `limit` characters either way.
 */
export function encodeDetails(value: unknown, what: string, limit: number = MAX_PAYLOAD_LENGTH): string | undefined {
  if (typeof value !== 'string') return encodePayload(value, what, limit);
  if (value.length > limit) throw new PayloadTooLargeError(what, value.length, limit);
  return value;
}
