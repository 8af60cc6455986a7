import type { ActivityContext } from '../workers/activity-context';

/** An activity task as polled, before its input is decoded. */
export interface ActivityTaskInfo {
  readonly kind: 'activity-task';
  /** The activity type, `name@version`. */
  readonly type: string;
  readonly taskList: string;
  readonly activityId: string;
  readonly workflowId: string;
  readonly runId: string;
  /** Which try this is (see `ActivityContext.attempt`). */
  readonly attempt: number;
  /** The tags of the execution that scheduled the activity (one `DescribeWorkflowExecution` per run, then kept). */
  tags(): Promise<readonly string[]>;
}

/** How an activity task ended: what the worker responded. */
export interface ActivityTaskReport {
  /**
   * `left-open`: the method returned `context.completeLater()`; whoever holds the task token answers SWF.
   * `abandoned`: SWF timed the task out (or shutdown gave up on it) before the method returned.
   */
  readonly outcome: 'completed' | 'failed' | 'canceled' | 'not-accepted' | 'left-open' | 'abandoned';
  /** The failure's reason as sent to SWF (`ValidationError`, `TypeError: …`), for `failed`; why, for `abandoned`. */
  readonly reason?: string;
}

/** One activity method call: the task, its decoded (and validated) input and the context the method gets. */
export interface ActivityCallInfo extends Omit<ActivityTaskInfo, 'kind'> {
  readonly kind: 'activity';
  /** The decoded input; hand a different one to `next` to change it. */
  readonly input: unknown;
  readonly context: ActivityContext;
}

/**
 * Intercepts activity method calls in the activity worker: observe them, wrap
 * them (time them, open a span, retry), change the input, or veto the call by
 * throwing (the task fails with that error, as if the method had thrown it).
 * Activities run once per attempt, not in replay, so anything goes here.
 *
 * @example
 * ```ts
 * export class Timing implements ActivityInterceptor {
 *   async interceptActivity(call: ActivityCallInfo, next: (call: ActivityCallInfo) => Promise<unknown>) {
 *     const start = performance.now();
 *     try { return await next(call); } finally { console.log(call.type, performance.now() - start); }
 *   }
 * }
 * ```
 */
export interface ActivityInterceptor {
  interceptActivity(call: ActivityCallInfo, next: (call: ActivityCallInfo) => Promise<unknown>): Promise<unknown>;
}

/** A decision task as polled. */
export interface DecisionTaskInfo {
  readonly kind: 'decision-task';
  /** The workflow type, `name@version`. */
  readonly type: string;
  readonly taskList: string;
  readonly workflowId: string;
  readonly runId: string;
  readonly startedEventId: number;
  readonly previousStartedEventId: number;
  /** History events read by the poll (only the new pages when the decider keeps the execution). */
  readonly eventsFetched: number;
  /** The execution's tags (from its first event when the poll read it, else one `DescribeWorkflowExecution` per run). */
  tags(): Promise<readonly string[]>;
}

/** What deciding one task did. */
export interface DecisionTaskReport {
  outcome: 'completed' | 'failed-workflow' | 'nondeterminism' | 'error' | 'unknown-type' | 'not-accepted';
  /** Whether a kept execution could go on (`hit`) or the task was replayed from the start (`miss`). */
  cache?: 'hit' | 'miss';
  /** History events read for the task, the poll's and any full-history read after it. */
  eventsFetched: number;
  /** History events the engine applied. */
  eventsReplayed?: number;
  /** Decisions sent. */
  decisions?: number;
}

/** One long poll of a worker, as it ended. */
export interface PollEvent {
  readonly worker: 'decider' | 'activity';
  readonly taskList: string;
  readonly durationMs: number;
  readonly result: 'task' | 'empty' | 'error';
}

/**
 * Intercepts the workers' own work: each decision task and activity task as a
 * whole, and each poll. Metrics and tracing are built on it; it runs in the
 * worker, outside replay.
 *
 * @example
 * ```ts
 * export class SlowTasks implements WorkerInterceptor {
 *   async interceptDecisionTask(task: DecisionTaskInfo, next: (task: DecisionTaskInfo) => Promise<DecisionTaskReport>) {
 *     const start = Date.now();
 *     const report = await next(task);
 *     if (Date.now() - start > 1000) console.warn('slow decision', task.runId, report);
 *     return report;
 *   }
 * }
 * ```
 */
export interface WorkerInterceptor {
  interceptDecisionTask?(
    task: DecisionTaskInfo,
    next: (task: DecisionTaskInfo) => Promise<DecisionTaskReport>,
  ): Promise<DecisionTaskReport>;
  interceptActivityTask?(
    task: ActivityTaskInfo,
    next: (task: ActivityTaskInfo) => Promise<ActivityTaskReport>,
  ): Promise<ActivityTaskReport>;
  onPoll?(event: PollEvent): void;
}
