import type { ActivityCallOptions, ChildWorkflowOptions, LambdaOptions } from '../metadata/options';

/** A Lambda function called from a workflow: `await this.upcase('hello')`. */
export type LambdaCall<I, O> = (input: I, options?: LambdaOptions) => Promise<O>;

/**
 * The future of an activity or child workflow call: a promise with `cancel()`,
 * which asks SWF to cancel the call (`RequestCancelActivityTask`,
 * `RequestCancelExternalWorkflowExecution`). The promise then settles with what
 * SWF reports first: `CancelledFailure` when the call was canceled, or its result
 * or failure when it finished anyway. A call not yet sent to SWF is dropped and
 * rejects at once; once the call settled, `cancel()` does nothing.
 *
 * @example
 * ```ts
 * const upload = this.upload(file);
 * if ((await this.flow.timedAny(60, upload)).length === 0) upload.cancel();
 * ```
 */
export type CancellableCall<O> = Promise<O> & {
  cancel(): void;
};

/** An activity called from a workflow; per-call options override the type's defaults. */
export type ActivityCall<I, O> = (input: I, options?: ActivityCallOptions) => CancellableCall<O>;

/** Options of one child workflow start: the child's workflow id may be chosen by the caller. */
export interface ChildWorkflowCallOptions extends ChildWorkflowOptions {
  workflowId?: string;
}

/** A child workflow started from a workflow; resolves with the child's result. */
export type ChildWorkflowCall<I, O> = (input: I, options?: ChildWorkflowCallOptions) => CancellableCall<O>;

/** The input a method takes (`void` for none), so call sites check against the implementation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InputOf<M> = M extends () => unknown ? void : M extends (input: infer I, ...rest: any[]) => unknown ? I : never;

/** What awaiting a method's result gives. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OutputOf<M> = M extends (...args: any[]) => infer R ? Awaited<R> : never;

/** The call type of an activity implemented by method `M`. */
export type ActivityCallOf<M> = ActivityCall<InputOf<M>, OutputOf<M>>;

/** The call type of a child workflow whose class has `run` of type `R`. */
export type ChildWorkflowCallOf<R> = ChildWorkflowCall<InputOf<R>, OutputOf<R>>;
