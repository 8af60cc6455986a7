import type { RetryPolicy } from './options';

const KEYS = ['maximumAttempts', 'initialInterval', 'backoffCoefficient', 'maximumInterval', 'nonRetryable'];

/** What is wrong with a retry policy, or undefined. */
export function retryProblem(label: string, retry: RetryPolicy | undefined): string | undefined {
  if (retry === undefined) return undefined;
  if (retry === null || typeof retry !== 'object') return `${label} must be an object`;
  const unknown = Object.keys(retry).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) return `${label} has unknown option ${unknown.map((k) => `'${k}'`).join(', ')}; allowed: ${KEYS.join(', ')}`;
  const { maximumAttempts, initialInterval, backoffCoefficient, maximumInterval, nonRetryable } = retry;
  if (maximumAttempts !== undefined && (!Number.isInteger(maximumAttempts) || maximumAttempts < 1))
    return `${label}.maximumAttempts must be a whole number of 1 or more, got ${String(maximumAttempts)}`;
  for (const [key, value] of [
    ['initialInterval', initialInterval],
    ['maximumInterval', maximumInterval],
  ] as const) {
    if (value !== undefined && (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)))
      return `${label}.${key} must be a positive number of seconds, got ${String(value)}`;
  }
  if (backoffCoefficient !== undefined && (typeof backoffCoefficient !== 'number' || !(backoffCoefficient >= 1)))
    return `${label}.backoffCoefficient must be a number of 1 or more, got ${String(backoffCoefficient)}`;
  if (nonRetryable !== undefined && (!Array.isArray(nonRetryable) || nonRetryable.some((r) => typeof r !== 'string')))
    return `${label}.nonRetryable must be an array of failure reasons (strings)`;
  return undefined;
}

/** The seconds to wait before attempt `attempt` (2, 3, …): whole seconds, as SWF timers take them. */
export function retryDelay(retry: RetryPolicy, attempt: number): number {
  const initial = retry.initialInterval ?? 1;
  const maximum = retry.maximumInterval ?? 100 * initial;
  const wait = initial * Math.pow(retry.backoffCoefficient ?? 2, attempt - 2);
  return Math.ceil(Math.min(wait, maximum));
}
