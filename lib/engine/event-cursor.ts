import type { HistoryEventInput } from './history.types';

/**
 * Index of the first event after `lastEventId`. Event ids are 1, 2, 3, … in a
 * full history, so this is usually direct; a slice of new events or an
 * irregular list falls back to binary search, never to a scan.
 */
export function firstEventAfter(events: readonly HistoryEventInput[], lastEventId: number): number {
  if (lastEventId <= 0 || events.length === 0) return 0;
  if (events[lastEventId - 1]?.eventId === lastEventId) return lastEventId;
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid].eventId ?? 0) <= lastEventId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
