import type { ChildPolicy, Duration } from '../metadata';

/**
 * What the next run of `continueAsNew()` is given. Unset fields are left to SWF (the workflow type's
 * registered defaults); the Lambda role is the current run's unless set, as for children.
 */
export interface ContinueAsNewOptions {
  readonly taskList?: string;
  readonly executionStartToCloseTimeout?: number;
  readonly taskStartToCloseTimeout?: Duration;
  readonly taskPriority?: number;
  readonly childPolicy?: ChildPolicy;
  readonly tagList?: string[];
  readonly lambdaRole?: string;
  /** The workflow type version the next run executes. */
  readonly version?: string;
}
