import type { Decision } from '@aws-sdk/client-swf';
import { MAX_DECISIONS_PER_RESPONSE, SWF_LIMITS, utf8Length } from '../swf';
import type { Outgoing } from './outbox';

/**
 * Bytes the decisions of one response may take: SWF's 1 MB request limit, less
 * room for the task token, the execution context (32,768 characters, escaped) and framing.
 */
export const DECISION_BYTES_BUDGET = SWF_LIMITS.requestBytes - 256 * 1024;

/** A bound on a decision's JSON size from its payload alone: every character escaped, plus its small fields. */
const bound = (entry: Outgoing): number => 6 * entry.command.payloadLength() + 8 * 1024;
const bytesOf = (decision: Decision): number => utf8Length(JSON.stringify(decision)) + 1;
/** Room kept for the continue timer that ends a split response. */
const TIMER_BYTES = 256;

export interface ResponsePlan {
  /** Sent with this activation's decision task, in order. */
  readonly sent: Outgoing[];
  /** Held back for the next decision task (SWF's 100 decisions or 1 MB): a continue timer brings it. */
  readonly kept: Outgoing[];
  /** Decisions that alone exceed what one response can carry: the call fails instead. */
  readonly refused: Outgoing[];
}

/**
 * Splits an activation's decisions into what one `RespondDecisionTaskCompleted`
 * can carry: all of them when they fit in 100 decisions and the byte budget;
 * otherwise the longest prefix of at most 99 that fits, leaving room for the
 * zero-second continue timer whose firing brings the next decision task for the rest.
 * The rule is a pure function of the decisions, so replay splits exactly as the first run did.
 */
export function planResponse(waiting: readonly Outgoing[]): ResponsePlan {
  if (waiting.length <= MAX_DECISIONS_PER_RESPONSE && waiting.reduce((sum, e) => sum + bound(e), 0) <= DECISION_BYTES_BUDGET) {
    return { sent: [...waiting], kept: [], refused: [] };
  }
  const sizes = waiting.map((e) => bytesOf(e.command.decision(e.action)));
  const refused = waiting.filter((_, i) => sizes[i] > DECISION_BYTES_BUDGET - TIMER_BYTES);
  const fitting = waiting.filter((_, i) => sizes[i] <= DECISION_BYTES_BUDGET - TIMER_BYTES);
  const fittingSizes = sizes.filter((size) => size <= DECISION_BYTES_BUDGET - TIMER_BYTES);
  const total = fittingSizes.reduce((sum, size) => sum + size, 0);
  if (fitting.length <= MAX_DECISIONS_PER_RESPONSE && total <= DECISION_BYTES_BUDGET) return { sent: fitting, kept: [], refused };
  let bytes = 0;
  let count = 0;
  while (
    count < fitting.length &&
    count < MAX_DECISIONS_PER_RESPONSE - 1 &&
    bytes + fittingSizes[count] <= DECISION_BYTES_BUDGET - TIMER_BYTES
  ) {
    bytes += fittingSizes[count];
    count++;
  }
  return { sent: fitting.slice(0, count), kept: fitting.slice(count), refused };
}
