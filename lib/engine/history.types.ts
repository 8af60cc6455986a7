import type { DecisionTask, HistoryEvent } from '@aws-sdk/client-swf';

/**
 * A timestamp as it reaches the engine: a `Date` from the SDK, epoch seconds
 * from SWF's JSON wire format (recorded fixtures, `aws swf` output), or an ISO string.
 */
export type EventTimestamp = Date | number | string;

/** The SDK's `HistoryEvent`, with the timestamp in any of the shapes above. */
export type HistoryEventInput = Omit<HistoryEvent, 'eventTimestamp'> & { eventTimestamp?: EventTimestamp };

/**
 * A `PollForDecisionTask` response with all pages merged (the SDK's `DecisionTask`,
 * or its JSON). Only `events` is needed; the rest is checked when present.
 */
export type DecisionTaskInput = Partial<Omit<DecisionTask, 'events'>> & { events?: readonly HistoryEventInput[] };

export function toDate(timestamp: EventTimestamp | undefined): Date {
  if (timestamp instanceof Date) return timestamp;
  if (typeof timestamp === 'number') return new Date(timestamp * 1000);
  if (typeof timestamp === 'string') return new Date(timestamp);
  return new Date(0);
}
