import type { Duration } from './options';

/**
 * SWF's own rules for names and numbers, checked up front so that a bad
 * definition fails at bootstrap with its class and member named, instead of
 * as a rejected RegisterWorkflowType call later.
 */

// Control characters (\u0000-\u001f, \u007f-\u009f) are forbidden by SWF in names.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[:/|\u0000-\u001f\u007f-\u009f]/;

export const MAX_NAME_LENGTH = 256;
export const MAX_VERSION_LENGTH = 64;
const MAX_DESCRIPTION_LENGTH = 1024;
const MAX_EXECUTION_SECONDS = 31_536_000; // one year
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** Returns what is wrong with an SWF name (type, version, task list, function), or undefined. */
export function nameProblem(label: string, value: unknown, maxLength = MAX_NAME_LENGTH): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return `${label} must be a non-empty string, got ${show(value)}`;
  if (value.length > maxLength) return `${label} is ${value.length} characters long; SWF allows at most ${maxLength}`;
  if (value.trim() !== value) return `${label} '${value}' has leading or trailing whitespace, which SWF forbids`;
  const bad = FORBIDDEN.exec(value);
  if (bad) return `${label} '${printable(value)}' contains ${printable(bad[0])}, which SWF forbids (':', '/', '|' and control characters)`;
  if (value.includes('arn')) return `${label} '${value}' contains the literal 'arn', which SWF forbids`;
  return undefined;
}

/** Durations are whole seconds (or 'NONE' where SWF allows no limit). */
export function durationProblem(
  label: string,
  value: Duration | undefined,
  { min = 0, max = Number.MAX_SAFE_INTEGER, allowNone = true } = {},
): string | undefined {
  if (value === undefined) return undefined;
  if (value === 'NONE') return allowNone ? undefined : `${label} must be a number of seconds; 'NONE' is not allowed here`;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `${label} must be a whole number of seconds, got ${show(value)}`;
  if (value < min || value > max) return `${label} is ${value} s; SWF allows ${min} to ${max} s`;
  return undefined;
}

export function executionTimeoutProblem(label: string, value: number | undefined): string | undefined {
  return durationProblem(label, value, { min: 1, max: MAX_EXECUTION_SECONDS, allowNone: false });
}

export function lambdaTimeoutProblem(label: string, value: number | undefined): string | undefined {
  return durationProblem(label, value, { min: 1, max: 900, allowNone: false });
}

export function priorityProblem(label: string, value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    return `${label} must be a whole number from ${INT32_MIN} to ${INT32_MAX}, got ${show(value)}`;
  }
  return undefined;
}

export function descriptionProblem(label: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `${label} must be a string, got ${show(value)}`;
  if (value.length > MAX_DESCRIPTION_LENGTH)
    return `${label} is ${value.length} characters long; SWF allows at most ${MAX_DESCRIPTION_LENGTH}`;
  return undefined;
}

export function childPolicyProblem(label: string, value: string | undefined): string | undefined {
  if (value === undefined || value === 'TERMINATE' || value === 'REQUEST_CANCEL' || value === 'ABANDON') return undefined;
  return `${label} must be 'TERMINATE', 'REQUEST_CANCEL' or 'ABANDON', got ${show(value)}`;
}

/** An IAM role ARN is the one place where 'arn' and ':' are expected. */
export function roleProblem(label: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^arn:[^:\s]+:iam::\d*:role\/\S+$/.test(value) || value.length > 1224) {
    return `${label} must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got ${show(value)}`;
  }
  return undefined;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${printable(value)}'`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
