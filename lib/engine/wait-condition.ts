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
 */
export function waitFor<F extends PromiseLike<unknown>>(
  state: ReplayState,
  settlementOf: (future: F) => Settlement | undefined,
  futures: readonly F[],
  need: 'any' | 'all',
  timer?: F,
): Promise<WaitOutcome<F>> {
  return new Promise((resolve) => {
    const observed = new Map<F, Settlement>();
    const known = (f: F): Settlement | undefined => settlementOf(f) ?? observed.get(f);
    let done = false;
    const check = (): void => {
      if (done) return;
      const timerOrder = timer === undefined ? undefined : known(timer)?.order;
      const settled = futures
        .map((future) => ({ future, settlement: known(future) }))
        .filter((s): s is { future: F; settlement: Settlement } => s.settlement !== undefined && (timerOrder === undefined || s.settlement.order < timerOrder))
        .sort((a, b) => a.settlement.order - b.settlement.order);
      const failed = need === 'all' ? settled.find((s) => !s.settlement.ok) : undefined;
      const met = need === 'any' ? settled.length > 0 : failed !== undefined || settled.length === futures.length;
      if (met || timerOrder !== undefined) {
        done = true;
        resolve({
          settled: settled.map((s) => s.future),
          failure: failed ? { error: failed.settlement.error } : undefined,
          timedOut: !met,
        });
      }
    };
    for (const future of timer === undefined ? futures : [...futures, timer]) {
      const observe = (ok: boolean) => (outcome: unknown) => {
        if (!observed.has(future)) observed.set(future, { order: state.nextSettlementOrder(), ok, value: ok ? outcome : undefined, error: ok ? undefined : outcome });
        check();
      };
      future.then(observe(true), observe(false));
    }
    check();
  });
}
