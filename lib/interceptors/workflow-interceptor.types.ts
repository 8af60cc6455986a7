/** Which kind of call a workflow made. */
export type WorkflowCallKind = 'lambda' | 'activity' | 'child-workflow';

/** A call a workflow makes through a decorated member, as a workflow interceptor sees it. */
export interface WorkflowCallInfo {
  readonly kind: WorkflowCallKind;
  /** What is called: `name@version` of the activity or child workflow type, or the Lambda function's name. */
  readonly type: string;
  /** The decorated member the workflow called (`reserve`, `ship`). */
  readonly member: string;
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
 * @example
 * ```ts
 * export class NoBigOrders implements WorkflowInterceptor {
 *   readonly deterministic = true;
 *   interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext) {
 *     if (call.type === 'orders.charge@1.0' && (call.input as Order).total > 10_000) throw new WorkflowFailed('TooBig');
 *     return next(call);
 *   }
 * }
 * ```
 */
export interface WorkflowInterceptor {
  /** Says that this interceptor is deterministic: it runs again, with the same answers, on every replay. */
  readonly deterministic: true;
  interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown>;
}

/** Who is calling: what the engine tells the call chain at the moment of a call. */
export interface CallerView {
  readonly workflowId: string;
  readonly runId: string;
  readonly isReplaying: boolean;
  readonly tags: readonly string[];
}
