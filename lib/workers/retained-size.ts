import type { HistoryEvent } from '@aws-sdk/client-swf';

/**
 * What a replayed event leaves behind in a kept execution beyond its
 * strings: the memory benchmark measures 6–8 KB of heap for a kept
 * 1,000-event execution with small payloads, so 16 bytes an event, rounded up.
 */
const BYTES_PER_EVENT = 16;

/**
 * A rough, cheap bound on what a kept execution holds because of `events`:
 * the strings they carry (inputs, results, details, as UTF-16) plus a fixed
 * cost per event. The engine drops settled results, but the workflow's own
 * variables may keep any of them, so every string counts. The cache's byte
 * budget is kept against it.
 */
export function retainedBytes(events: readonly HistoryEvent[], afterEventId = 0): number {
  let bytes = 0;
  for (const event of events) {
    if ((event.eventId ?? 0) <= afterEventId) continue;
    bytes += BYTES_PER_EVENT;
    for (const [key, attributes] of Object.entries(event)) {
      if (!key.endsWith('EventAttributes') || typeof attributes !== 'object' || attributes === null) continue;
      for (const value of Object.values(attributes as Record<string, unknown>)) if (typeof value === 'string') bytes += 2 * value.length;
    }
  }
  return bytes;
}
