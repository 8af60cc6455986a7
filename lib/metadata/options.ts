/**
 * Options as the decorators record them. Durations are whole seconds; `'NONE'`
 * is SWF's "no limit" where SWF allows it.
 */
export type { Duration } from '../swf/durations';
import type { Duration } from '../swf/durations';

/** What happens to a workflow's open children when it closes: SWF's child policy. */
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
  /** History length past which `WorkflowContext.continueAsNewSuggested` is true (default 10,000; SWF's limit is 25,000). */
  continueAsNewSuggestedAt?: number;
}

/**
 * How a failed call is tried again: each attempt is a new call (`activity1#2`, `activity1#3`, …)
 * after a durable timer of `initialInterval × backoffCoefficient^(attempt-2)` seconds, at most
 * `maximumInterval`. Intervals are whole seconds (rounded up).
 *
 * @example
 * ```ts
 * @Activity(Payments, 'charge', { retry: { maximumAttempts: 5, initialInterval: 2, nonRetryable: ['CardDeclined'] } })
 * charge!: ActivityCall<Charge, Receipt>;
 * ```
 */
export interface RetryPolicy {
  /** Attempts in all, the first included (default: unlimited; 1 means no retry). */
  maximumAttempts?: number;
  /** Seconds before the second attempt (default 1). */
  initialInterval?: number;
  /** Each wait is this many times the one before (default 2). */
  backoffCoefficient?: number;
  /** The longest wait, in seconds (default 100 × initialInterval). */
  maximumInterval?: number;
  /** Failure reasons (an activity's or Lambda's reason, a child's reason, or a timeout type) that fail at once; a thrown Error's name matches its reason `Name: message`. */
  nonRetryable?: string[];
}

/** Per-call options of a Lambda function scheduled from a workflow. */
export interface LambdaOptions {
  /** 1 to 900 seconds; SWF's default is 300. */
  startToCloseTimeout?: number;
  /** Retries; without it, failures SWF attributes to the Lambda service itself are retried 3 times. */
  retry?: RetryPolicy;
}

/** Options that apply to one scheduled activity task. */
export interface ActivityCallOptions {
  taskList?: string;
  scheduleToStartTimeout?: Duration;
  startToCloseTimeout?: Duration;
  scheduleToCloseTimeout?: Duration;
  heartbeatTimeout?: Duration;
  taskPriority?: number;
  retry?: RetryPolicy;
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
  retry?: RetryPolicy;
}

/** A workflow or activity type by name, for types implemented elsewhere. */
export interface TypeReference {
  name: string;
  version: string;
}
