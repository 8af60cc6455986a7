import type { ChildPolicy, Duration } from '../metadata';

/** What the next run of `continueAsNew()` changes; unset fields keep the current run's (SWF's rule), tags and Lambda role included. */
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
