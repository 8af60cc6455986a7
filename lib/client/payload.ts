import { MAX_PAYLOAD_LENGTH } from '../engine/limits';
import { PayloadError } from './client.errors';

/** Encodes a value as the JSON SWF carries; `undefined` means no payload at all. */
export function encodePayload(value: unknown, what: string, max = MAX_PAYLOAD_LENGTH): string | undefined {
  if (value === undefined) return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new PayloadError(`${what} cannot be encoded as JSON: ${(error as Error).message}`, { cause: error });
  }
  if (json === undefined) throw new PayloadError(`${what} cannot be encoded as JSON (got a ${typeof value}).`);
  if (json.length > max) throw new PayloadError(`${what} is ${json.length} characters of JSON; SWF allows at most ${max}.`);
  return json;
}

/** Details as activities send them (failure details, heartbeats): a string as it is, anything else as JSON. */
export function encodeDetails(value: unknown, what: string, max = MAX_PAYLOAD_LENGTH): string | undefined {
  if (typeof value !== 'string') return encodePayload(value, what, max);
  if (value.length > max) throw new PayloadError(`${what} is ${value.length} characters; SWF allows at most ${max}.`);
  return value;
}

/** Decodes a JSON payload from SWF; absent means `undefined`. */
export function decodePayload<T>(json: string | undefined, what: string): T {
  if (json === undefined || json === '') return undefined as T;
  try {
    return JSON.parse(json) as T;
  } catch (error) {
    const shown = json.length > 200 ? `${json.slice(0, 200)}…` : json;
    throw new PayloadError(`${what} is not valid JSON (${(error as Error).message}): ${shown}`, { cause: error });
  }
}
