import { inspect } from 'node:util';
import { ActivityInputValidationError } from './activity-input';

/**
 * Turns whatever an activity threw into `RespondActivityTaskFailed`'s reason
 * and details. Errors give their name, message and stack; anything else
 * (`{ code: 42 }`, a string, `undefined`, an object without a prototype) is
 * kept as JSON details, so its fields reach the workflow instead of
 * `"[object Object]"`, and encoding it can never throw.
 */
export function failureOf(error: unknown, where: string): { reason: string; details: string | undefined } {
  if (error instanceof ActivityInputValidationError) return { reason: 'ValidationError', details: error.message };
  if (error instanceof Error) return { reason: `${error.name}: ${error.message}`, details: error.stack };
  const kind = error === null ? 'null' : typeof error;
  return { reason: `NonErrorThrown: ${where} threw ${kind} instead of an Error`, details: jsonOf(error) };
}

function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    // Cycles and BigInts: a readable rendering beats losing the value.
    return JSON.stringify(inspect(value, { depth: 4, breakLength: Infinity }));
  }
}
