import type { Settlement } from './deferred';
import type { ReplayState } from './replay-state';

export type FutureArgs<F> = readonly (F | readonly F[])[];

/** pyflow's convention: futures may be passed one by one or as one array (or a mix). */
export function flatten<F>(args: FutureArgs<F>): F[] {
  const out: F[] = [];
  for (const arg of args) {
    if (Array.isArray(arg)) out.push(...(arg as readonly F[]));
    else out.push(arg as F);
  }
  return out;
}

export interface WaitOutcome<F> {
  /** The futures that settled before the condition was met (or the timer fired), in event order. */
  readonly settled: F[];
  /** For `all`: the first failure in event order, if any future failed. */
  readonly failure?: { readonly error: unknown };
  readonly timedOut: boolean;
}

/**
 * Waits until any or all of `futures` settled, or `timer` fired, deciding
 * what came first by event order rather than by microtask luck. Futures the
 * engine made know their settlement; other promises (derived by the workflow)
 * are ordered when the engine observes them, which is deterministic too.
 *
 * Each settlement costs O(1); the futures are looked through once, when the
 * wait ends, so a wait over n futures costs O(n log n) however they arrive.
 */
export function waitFor<F extends PromiseLike<unknown>>(
  state: ReplayState,
  settlementOf: (future: F) => Settlement | undefined,
  futures: readonly F[],
  need: 'any' | 'all',
  timer?: F,
): Promise<WaitOutcome<F>> {
  return new Promise((resolve) => {
    let observed: Map<F, Settlement> | undefined;
    const known = (f: F): Settlement | undefined => settlementOf(f) ?? observed?.get(f);
    let done = false;
    let count = 0;

    const finish = (): void => {
      done = true;
      const timerOrder = timer === undefined ? undefined : known(timer)?.order;
      const settled: { future: F; settlement: Settlement }[] = [];
      for (const future of futures) {
        const settlement = known(future);
        if (settlement !== undefined && (timerOrder === undefined || settlement.order < timerOrder)) settled.push({ future, settlement });
      }
      settled.sort((a, b) => a.settlement.order - b.settlement.order);
      const failed = need === 'all' ? settled.find((s) => !s.settlement.ok) : undefined;
      const met = need === 'any' ? settled.length > 0 : failed !== undefined || settled.length === futures.length;
      resolve({ settled: settled.map((s) => s.future), failure: failed ? { error: failed.settlement.error } : undefined, timedOut: !met });
    };

    const observe = (future: F, ok: boolean, outcome: unknown, isTimer: boolean): void => {
      if (done) return;
      if (settlementOf(future) === undefined) {
        observed ??= new Map();
        if (!observed.has(future))
          observed.set(future, {
            order: state.nextSettlementOrder(),
            ok,
            value: ok ? outcome : undefined,
            error: ok ? undefined : outcome,
          });
      }
      if (!isTimer) count++;
      // Everything the current activation settled is already known to `finish`, whichever handler runs first.
      if (isTimer || need === 'any' || !ok || count === futures.length) finish();
    };

    if (futures.length === 0 && need === 'all') return finish();
    for (const future of futures)
      future.then(
        (v) => observe(future, true, v, false),
        (e: unknown) => observe(future, false, e, false),
      );
    if (timer !== undefined)
      timer.then(
        (v) => observe(timer, true, v, true),
        (e: unknown) => observe(timer, false, e, true),
      );
  });
}
