import { CHILD_POLICIES, readTagList, readTaskList } from '../validation/common-readers';
import type { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';

/** A decision's optional `taskList` member, as the SDK shape. */
export function readDecisionTaskList(r: InputReader): { name: string } | undefined {
  const name = readTaskList(r, 'taskList');
  return name === undefined ? undefined : { name };
}

/** What a decision that starts a run (StartChildWorkflowExecution, ContinueAsNewWorkflowExecution) may set for it. */
export function readNewRunSettings(r: InputReader) {
  return {
    executionStartToCloseTimeout: r.optionalDuration('executionStartToCloseTimeout'),
    taskList: readDecisionTaskList(r),
    taskPriority: r.optionalPriority('taskPriority'),
    taskStartToCloseTimeout: r.optionalDuration('taskStartToCloseTimeout'),
    childPolicy: r.optionalEnum('childPolicy', CHILD_POLICIES),
    tagList: readTagList(r),
  };
}

/** The rule of the ids a decider picks (activity, timer, Lambda ids). */
export const DECIDER_ID = { min: 1, max: LIMITS.name, name: true };
