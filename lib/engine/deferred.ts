// A symbol property rather than a WeakMap: thousands of futures per replay, and ephemerons are costly to collect.
const DEFERRED = Symbol('tsflow.deferred');
type FuturePromise = { [DEFERRED]?: Deferred<unknown> };
const ignore = (): undefined => undefined;

/** How and when a future settled; `order` counts settlements of one execution. */
export interface Settlement {
  readonly order: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: unknown;
}

/**
 * A promise the engine settles from history. Its settlement's `order` is the position of its
 * settlement among all settlements of the execution, which is event order:
 * `any` and the timed waits use it to tell what happened first.
 */
export class Deferred<T> {
  readonly promise: Promise<T>;
  settlement: Settlement | undefined;
  private resolveFn!: (value: T) => void;
  private rejectFn!: (reason: unknown) => void;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolveFn = resolve;
      this.rejectFn = reject;
    });
    (this.promise as FuturePromise)[DEFERRED] = this as Deferred<unknown>;
  }

  /** The deferred behind a future the engine made, if it is one. */
  static of(future: object): Deferred<unknown> | undefined {
    return (future as FuturePromise)[DEFERRED];
  }

  get settled(): boolean {
    return this.settlement !== undefined;
  }

  resolve(value: T, order: number): void {
    if (this.settled) return;
    this.settlement = { order, ok: true, value };
    this.resolveFn(value);
  }

  reject(error: unknown, order: number): void {
    if (this.settled) return;
    this.settlement = { order, ok: false, error };
    // A failure the workflow awaits only later (or never) must not reach Node's
    // unhandled-rejection handler, which would end the decider process.
    this.promise.catch(ignore);
    this.rejectFn(error);
  }
}
