import type { ServiceContext } from './service-context';

/** Per-call options from the transport. */
export interface CallOptions {
  /** Aborted when the caller gives up (socket closed, SDK abort): a pending long poll is withdrawn. */
  signal?: AbortSignal;
}

/** One SWF action: the decoded JSON request in, the JSON-ready response out. */
export type ActionHandler = (ctx: ServiceContext, input: unknown, options: CallOptions) => unknown;
