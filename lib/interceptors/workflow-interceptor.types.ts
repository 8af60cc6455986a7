/** Which kind of call a workflow made. */
export type WorkflowCallKind = 'lambda' | 'activity' | 'child-workflow';

/**
 * A call a workflow makes through a decorated member, as a workflow interceptor sees it.
 *
 * `interceptWorkflowCall` runs once per call, as the workflow makes it and
 * before its first attempt: there `attempt` is 1. A call under a retry policy
 * makes its later attempts without going through the chain again; each
 * attempt, the first included, is shown to `onWorkflowCallAttempt` as a
 * {@link WorkflowCallAttempt}.
 */
export interface WorkflowCallInfo {
  readonly kind: WorkflowCallKind;
  /** What is called: `name@version` of the activity or child workflow type, or the Lambda function's name. */
  readonly type: string;
  /** The decorated member the workflow called (`reserve`, `ship`). */
  readonly member: string;
  /**
   * The call's id, the one its first decision carries: `lambda3`, `activity1`, or the child's workflow id
   * (its `workflowId` option, else `<parent id>-child<n>`). It is fixed when the workflow makes the call,
   * before any interceptor runs, so it is the same on every replay and does not depend on what interceptors
   * do: a vetoed call still uses its number up. Changing it in what you hand to `next` changes nothing.
   */
  readonly callId: string;
  /** Which try of the call this is: 1 here (see {@link WorkflowCallAttempt} for the later ones). */
  readonly attempt: number;
  /** The calling workflow's type, `name@version`. */
  readonly workflowType: string;
  readonly workflowId: string;
  readonly runId: string;
  /** The input the workflow passed; hand a different one to `next` to change it. */
  readonly input: unknown;
  /** The call options the workflow passed (second argument), if any; hand others to `next` to change them. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** The options the call's decorator declared; those in `options` override them one by one. */
  readonly declared: Readonly<Record<string, unknown>>;
  /** True while the engine re-runs activations history already recorded. */
  readonly isReplaying: boolean;
  /** The calling execution's tags (its `WorkflowExecutionStarted` event). */
  readonly tags: readonly string[];
}

/**
 * One attempt of a workflow call, as the call commits to it: the call as it
 * went through the interceptors (the input and options they handed on), with
 * this attempt's number and id. The first attempt is told of when the
 * innermost `next` is called; attempt n when attempt n - 1 failed with a
 * failure the retry policy retries, before the back-off timer that precedes
 * it starts. A call without a retry policy has one attempt (a Lambda without
 * one is retried only on Lambda service failures).
 *
 * @example
 * ```ts
 * // activity1 failed; the engine retries it as activity1#2, after a 2-second back-off.
 * { kind: 'activity', callId: 'activity1', attempt: 2, attemptId: 'activity1#2', delaySeconds: 2, previousFailure: ActivityFailure, … }
 * ```
 */
export interface WorkflowCallAttempt extends WorkflowCallInfo {
  /** 1 for the first attempt, n for the n-th. */
  readonly attempt: number;
  /** The attempt's own id, the one its decision carries: `callId` for the first, `callId#n` for attempt n. */
  readonly attemptId: string;
  /** The failure of the attempt before, that made this one (undefined for the first attempt). */
  readonly previousFailure?: unknown;
  /** The back-off before this attempt, in seconds (its durable timer starts now); 0 for the first attempt. */
  readonly delaySeconds: number;
  /** True while the engine re-runs what history already recorded, read when the attempt starts. */
  readonly isReplaying: boolean;
}

export type WorkflowCallNext = (call: WorkflowCallInfo) => Promise<unknown>;

/**
 * Intercepts the calls a workflow makes (Lambdas, activities, child workflows).
 *
 * It runs inside the workflow, and so inside every replay: like workflow code,
 * it must be deterministic. Whatever it decides (to call `next`, with which input
 * and options, or to veto the call by throwing) must depend only on the call and
 * on what the workflow saw, never on the clock, randomness, I/O or state kept
 * between executions. The `deterministic: true` it must declare is that promise.
 * Side effects that do not change the workflow's calls (a log line, a counter)
 * are fine; check `call.isReplaying` to do them once.
 *
 * `interceptWorkflowCall` wraps the call as the workflow made it, once: its
 * `next` resolves with the call's result after all its attempts (or rejects
 * with the last one's failure), and calling `next` a second time is an error
 * (to try again, give the call a retry policy). `onWorkflowCallAttempt` is told
 * of each attempt, the first included, as the call commits to it (a retry: when
 * the attempt before failed, before its back-off timer); throwing there vetoes
 * that attempt: neither it nor its back-off timer is scheduled, no attempt
 * follows, and the workflow's call rejects with the error at once. It runs
 * synchronously, in the engine's own order, so an interceptor that only watches
 * changes no id or decision of the workflow. An interceptor needs one of the
 * two methods.
 *
 * @example
 * ```ts
 * export class NoBigOrders implements WorkflowInterceptor {
 *   readonly deterministic = true;
 *   interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext) {
 *     if (call.type === 'orders.charge@1.0' && (call.input as Order).total > 10_000) throw new WorkflowFailed('TooBig');
 *     return next(call);
 *   }
 *   onWorkflowCallAttempt(attempt: WorkflowCallAttempt) {
 *     if (attempt.type === 'orders.charge@1.0' && attempt.attempt > 2) throw new WorkflowFailed('ChargeKeepsFailing');
 *   }
 * }
 * ```
 */
export interface WorkflowInterceptor {
  /** Says that this interceptor is deterministic: it runs again, with the same answers, on every replay. */
  readonly deterministic: true;
  /** Wraps each call once, as the workflow makes it (`call.attempt` is 1). */
  interceptWorkflowCall?(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown>;
  /** Told of each attempt of each call as the call commits to it; throw to veto the attempt. */
  onWorkflowCallAttempt?(attempt: WorkflowCallAttempt): void;
}

/** Who is calling: what the engine tells the call chain at the moment of a call. */
export interface CallerView {
  readonly workflowId: string;
  readonly runId: string;
  readonly isReplaying: boolean;
  readonly tags: readonly string[];
}
