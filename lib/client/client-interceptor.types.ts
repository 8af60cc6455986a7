import type { StartOptions } from './start-options';

/** A `WorkflowClient` call, as a client interceptor sees it. */
export type ClientCallInfo =
  | {
      readonly kind: 'start';
      /** The workflow type, `name@version`. */
      readonly type: string;
      readonly workflowId: string;
      /** The execution's input; hand a different one to `next` to change it. */
      readonly input: unknown;
      /** The start options (tags, task list, timeouts…); hand others to `next` to change them. */
      readonly options: StartOptions;
    }
  | { readonly kind: 'signal'; readonly workflowId: string; readonly runId?: string; readonly signalName: string; readonly input: unknown }
  | { readonly kind: 'cancel'; readonly workflowId: string; readonly runId?: string }
  | { readonly kind: 'terminate'; readonly workflowId: string; readonly runId?: string; readonly reason?: string };

/**
 * Intercepts what a `WorkflowClient` sends: starts, signals, cancellations and
 * terminations. Observe, wrap, change the call (`next({ ...call, options })`) or
 * veto it by throwing. For `start`, `next` resolves with the run id.
 *
 * @example
 * ```ts
 * export class TagTenant implements ClientInterceptor {
 *   interceptClient(call: ClientCallInfo, next: (call: ClientCallInfo) => Promise<unknown>) {
 *     if (call.kind !== 'start') return next(call);
 *     return next({ ...call, options: { ...call.options, tagList: [...(call.options.tagList ?? []), 'tenant:acme'] } });
 *   }
 * }
 * ```
 */
export interface ClientInterceptor {
  interceptClient(call: ClientCallInfo, next: (call: ClientCallInfo) => Promise<unknown>): Promise<unknown>;
}
