/**
 * Options as the decorators record them. Durations are whole seconds; `'NONE'`
 * is SWF's "no limit" where SWF allows it.
 */
export type { Duration } from '../swf/durations';
import type { Duration } from '../swf/durations';

export type ChildPolicy = 'TERMINATE' | 'REQUEST_CANCEL' | 'ABANDON';

/** SWF's registration defaults for a workflow type (`RegisterWorkflowType`). */
export interface WorkflowOptions {
  defaultTaskList?: string;
  defaultTaskStartToCloseTimeout?: Duration;
  defaultExecutionStartToCloseTimeout?: number;
  defaultChildPolicy?: ChildPolicy;
  defaultLambdaRole?: string;
  defaultTaskPriority?: number;
  description?: string;
}

/** Per-call options of a Lambda function scheduled from a workflow. */
export interface LambdaOptions {
  /** 1 to 900 seconds; SWF's default is 300. */
  startToCloseTimeout?: number;
}

/** Options that apply to one scheduled activity task. */
export interface ActivityCallOptions {
  taskList?: string;
  scheduleToStartTimeout?: Duration;
  startToCloseTimeout?: Duration;
  scheduleToCloseTimeout?: Duration;
  heartbeatTimeout?: Duration;
  taskPriority?: number;
}

/** `@Activities(...)`: defaults shared by every activity of one class. */
export interface ActivitiesOptions {
  version: string;
  /** Activity type names are `prefix.method`; the default prefix is the class name. */
  prefix?: string;
  defaultTaskList?: string;
  defaultTaskScheduleToStartTimeout?: Duration;
  defaultTaskStartToCloseTimeout?: Duration;
  defaultTaskScheduleToCloseTimeout?: Duration;
  defaultTaskHeartbeatTimeout?: Duration;
  defaultTaskPriority?: number;
}

/** `@Activity(...)` on an implementation method: overrides of the class defaults. */
export interface ActivityOptions {
  name?: string;
  version?: string;
  defaultTaskList?: string;
  defaultTaskScheduleToStartTimeout?: Duration;
  defaultTaskStartToCloseTimeout?: Duration;
  defaultTaskScheduleToCloseTimeout?: Duration;
  defaultTaskHeartbeatTimeout?: Duration;
  defaultTaskPriority?: number;
  description?: string;
}

/** Options of a child workflow execution started from a workflow. */
export interface ChildWorkflowOptions {
  taskList?: string;
  executionStartToCloseTimeout?: number;
  taskStartToCloseTimeout?: Duration;
  childPolicy?: ChildPolicy;
  lambdaRole?: string;
  tagList?: string[];
  taskPriority?: number;
}

/** A workflow or activity type by name, for types implemented elsewhere. */
export interface TypeReference {
  name: string;
  version: string;
}
