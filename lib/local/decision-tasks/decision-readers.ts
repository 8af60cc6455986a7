import { readTaskList } from '../validation/common-readers';
import type { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';

/** A decision's optional `taskList` member, as the SDK shape. */
export function readDecisionTaskList(r: InputReader): { name: string } | undefined {
  const name = readTaskList(r, 'taskList');
  return name === undefined ? undefined : { name };
}

/** The rule of the ids a decider picks (activity, timer, Lambda ids). */
export const DECIDER_ID = { min: 1, max: LIMITS.name, name: true };
