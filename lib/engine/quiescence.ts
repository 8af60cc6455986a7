/**
 * Activations that may settle on the cheap microtask path before one waits
 * for a full event-loop turn, so a long replay still lets timers and I/O
 * (heartbeats, other tasks' polls) run now and then.
 */
const ACTIVATIONS_PER_TURN = 64;

let sinceTurn = 0;

/** A settled promise whose `then` queues a reaction job: a microtask without `queueMicrotask`'s per-call async resource. */
const SETTLED = Promise.resolve();

/**
 * The executor and the reaction are long-lived functions (the reaction bound to the promise's
 * resolve), not closures per call: a closure's optimised code dies with it at a full collection.
 */
let captured: () => void = () => undefined;
function capture(resolve: () => void): void {
  captured = resolve;
}
function resolveOnNextTick(this: () => void): void {
  process.nextTick(this);
}

/**
 * Resolves once every microtask queued so far, and every microtask those
 * queue, has run: the workflow has made all the progress the settled futures
 * allow. It measures no time and orders nothing the workflow can see.
 *
 * Node runs `process.nextTick` callbacks only after the microtask queue is
 * empty, but a tick queued *directly* could run before microtasks queued
 * after it; queued from inside a microtask, it runs once that whole queue
 * (including what it queues meanwhile) has drained. That costs well under a
 * microsecond where a `setImmediate` check-phase turn costs several, and is
 * what every activation of a replay waits for. The microtask is a reaction to an already
 * settled promise rather than `queueMicrotask`, which builds an `AsyncResource` (and a bound
 * function) per call for async hooks the engine does not use.
 */
export function untilQuiescent(): Promise<void> {
  sinceTurn += 1;
  if (sinceTurn >= ACTIVATIONS_PER_TURN) {
    sinceTurn = 0;
    return new Promise((resolve) => setImmediate(resolve));
  }
  const promise = new Promise<void>(capture);
  void SETTLED.then(resolveOnNextTick.bind(captured));
  return promise;
}
