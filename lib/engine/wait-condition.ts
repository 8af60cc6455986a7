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
  /** For `any`: the futures that settled before the condition was met (or the timer fired), in event order. `all` leaves it empty. */
  readonly settled: F[];
  /** For `all`: the first failure in event order, if any future failed. */
  readonly failure?: { readonly error: unknown };
  readonly timedOut: boolean;
}

const NOTHING: never[] = [];

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
  return new Promise((resolve) => new FutureWait(state, settlementOf, futures, need, timer, resolve).start());
}

/**
 * One wait, as an object rather than closures: a replay makes thousands of waits, and V8 keeps
 * optimised code for methods of a class, where a closure's code dies with its last closure at a
 * full collection and must be compiled again.
 */
class FutureWait<F extends PromiseLike<unknown>> {
  private observed: Map<F, Settlement> | undefined;
  private done = false;
  private count = 0;

  constructor(
    private readonly state: ReplayState,
    private readonly settlementOf: (future: F) => Settlement | undefined,
    private readonly futures: readonly F[],
    private readonly need: 'any' | 'all',
    private readonly timer: F | undefined,
    private readonly resolve: (outcome: WaitOutcome<F>) => void,
  ) {}

  start(): void {
    if (this.futures.length === 0 && this.need === 'all') return this.finish();
    // Bound methods, not arrow functions: a bound function has no code of its own to lose at a full collection.
    for (const future of this.futures)
      future.then(this.observe.bind(this, future, true, false), this.observe.bind(this, future, false, false));
    const timer = this.timer;
    if (timer !== undefined) timer.then(this.observe.bind(this, timer, true, true), this.observe.bind(this, timer, false, true));
  }

  private known(future: F): Settlement | undefined {
    return this.settlementOf(future) ?? this.observed?.get(future);
  }

  private observe(future: F, ok: boolean, isTimer: boolean, outcome: unknown): void {
    if (this.done) return;
    if (this.settlementOf(future) === undefined) {
      const observed = (this.observed ??= new Map());
      if (!observed.has(future))
        observed.set(future, {
          order: this.state.nextSettlementOrder(),
          ok,
          value: ok ? outcome : undefined,
          error: ok ? undefined : outcome,
        });
    }
    if (!isTimer) this.count++;
    // Everything the current activation settled is already known to `finish`, whichever handler runs first.
    if (isTimer || this.need === 'any' || !ok || this.count === this.futures.length) this.finish();
  }

  private finish(): void {
    this.done = true;
    const timerOrder = this.timer === undefined ? undefined : this.known(this.timer)?.order;
    const before = (s: Settlement | undefined): s is Settlement => s !== undefined && (timerOrder === undefined || s.order < timerOrder);
    if (this.need === 'all') {
      // Only the first failure (in event order) and whether all settled in time matter: no list to sort.
      let first: Settlement | undefined;
      let settled = 0;
      for (const future of this.futures) {
        const s = this.known(future);
        if (!before(s)) continue;
        settled++;
        if (!s.ok && (first === undefined || s.order < first.order)) first = s;
      }
      const met = first !== undefined || settled === this.futures.length;
      this.resolve({ settled: NOTHING, failure: first ? { error: first.error } : undefined, timedOut: !met });
      return;
    }
    const settled: { future: F; order: number }[] = [];
    for (const future of this.futures) {
      const s = this.known(future);
      if (before(s)) settled.push({ future, order: s.order });
    }
    settled.sort((a, b) => a.order - b.order);
    this.resolve({ settled: settled.map((s) => s.future), timedOut: settled.length === 0 });
  }
}

/**
 * One wait that never ends, kept for the life of the process. A wait lives only until it
 * settles, and V8 forgets the hidden class (map) of objects none of which survives a full
 * collection, throwing away the optimised code of everything that handled them (`all`, `any`,
 * the wait's own methods): every replay after a full GC then ran those in the interpreter while
 * they were compiled again (`npm run bench`: 2–3× the steady-state time at 25,000 events; with
 * this instance, the same as steady state). Its fields hold values of the kinds real waits hold.
 */
export const KEPT_WAIT_SHAPE: object = new FutureWait<PromiseLike<unknown>>(
  { nextSettlementOrder: () => 0 } as unknown as ReplayState,
  () => undefined,
  [],
  'all',
  undefined,
  () => undefined,
);
