import { SWF_LIMITS } from './limits';
import { show } from './show';

/** A duration as tsflow's options take it: whole seconds, or `'NONE'` where SWF allows no limit. */
export type Duration = number | 'NONE';

/** SWF takes durations as strings of seconds; `'NONE'` passes through, absent stays absent. */
export function formatDuration(value: Duration | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
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
  return durationProblem(label, value, { min: 1, max: SWF_LIMITS.maxExecutionSeconds, allowNone: false });
}

export function lambdaTimeoutProblem(label: string, value: number | undefined): string | undefined {
  return durationProblem(label, value, { min: 1, max: SWF_LIMITS.lambdaMaxTimeoutSeconds, allowNone: false });
}
