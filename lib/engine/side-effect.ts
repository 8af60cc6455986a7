import { TsflowError } from '../errors/tsflow.error';
import { MAX_PAYLOAD_LENGTH, truncate } from '../swf';
import { describeThrown } from '../errors/thrown-value';

/** A side effect's marker details: its value, or the error its function threw. */
export interface RecordedSideEffect {
  readonly value?: unknown;
  readonly error?: { readonly name: string; readonly message: string; readonly stack?: string };
}

/** Runs a side effect's function once and encodes what it gave (or threw) as the marker's details. */
export function recordSideEffect(fn: () => unknown): string {
  try {
    const value = fn();
    if (value !== null && typeof (value as { then?: unknown })?.then === 'function') {
      throw new TsflowError(
        'sideEffect takes a synchronous function; its value is recorded before the workflow goes on. Await outside of it.',
      );
    }
    const text = JSON.stringify({ value });
    if (text.length > MAX_PAYLOAD_LENGTH) {
      throw new TsflowError(`The side effect's value is ${text.length} characters of JSON; a marker holds at most ${MAX_PAYLOAD_LENGTH}.`);
    }
    return text;
  } catch (error) {
    const { name, message, stack } = describeThrown(error);
    return JSON.stringify({ error: { name, message: truncate(message, 4_096), stack: truncate(stack ?? '', 16_384) } });
  }
}
