import { setTimeout as delay } from 'node:timers/promises';
import { Backoff, isTransient } from './backoff';

/** How many times a worker sends a response before it gives up on a transient fault. */
export const RESPONSE_ATTEMPTS = 6;

/**
 * Sends `send()` again after throttling, a 5xx or a dropped connection, with
 * back-off: a response lost to a network blip would otherwise leave the task
 * to time out, and an activity's result would be lost for good. A retry whose
 * first try did reach SWF is refused with UnknownResourceFault, which the
 * caller treats as "already answered".
 */
export async function retryTransient<T>(
  send: () => Promise<T>,
  attempts = RESPONSE_ATTEMPTS,
  backoff = new Backoff(100, 2_000),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await delay(backoff.next());
    }
  }
}
