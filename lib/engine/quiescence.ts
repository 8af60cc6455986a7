/**
 * Resolves once every microtask queued so far, and every microtask those
 * queue, has run: the workflow has made all the progress the settled futures
 * allow. A check-phase callback is the one point Node guarantees the microtask
 * queue is empty; it measures no time and orders nothing the workflow can see.
 */
export function untilQuiescent(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
