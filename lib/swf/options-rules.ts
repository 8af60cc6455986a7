import { SWF_LIMITS } from './limits';
import { show } from './show';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** Task priorities are 32-bit integers (SWF sends them as strings). */
export function priorityProblem(label: string, value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    return `${label} must be a whole number from ${INT32_MIN} to ${INT32_MAX}, got ${show(value)}`;
  }
  return undefined;
}

/** SWF's priority string, or nothing when unset. */
export function formatPriority(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

export function descriptionProblem(label: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `${label} must be a string, got ${show(value)}`;
  if (value.length > SWF_LIMITS.description)
    return `${label} is ${value.length} characters long; SWF allows at most ${SWF_LIMITS.description}`;
  return undefined;
}

export function childPolicyProblem(label: string, value: string | undefined): string | undefined {
  if (value === undefined || value === 'TERMINATE' || value === 'REQUEST_CANCEL' || value === 'ABANDON') return undefined;
  return `${label} must be 'TERMINATE', 'REQUEST_CANCEL' or 'ABANDON', got ${show(value)}`;
}

/** An IAM role ARN is the one place where 'arn' and ':' are expected. */
export function roleProblem(label: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^arn:[^:\s]+:iam::\d*:role\/\S+$/.test(value) || value.length > SWF_LIMITS.lambdaRole) {
    return `${label} must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got ${show(value)}`;
  }
  return undefined;
}
