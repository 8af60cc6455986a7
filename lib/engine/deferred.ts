// A symbol property rather than a WeakMap: thousands of futures per replay, and ephemerons are costly to collect.
const DEFERRED = Symbol('tsflow.deferred');
type FuturePromise = { [DEFERRED]?: Deferred<unknown> };
const ignore = (): undefined => undefined;

/**
 * The promise executor of every Deferred: one long-lived function rather than a closure per
 * future, whose optimised code would die with the futures at each full collection.
 */
let capturedResolve: (value: never) => void = ignore;
let capturedReject: (reason: unknown) => void = ignore;
function capture(resolve: (value: never) => void, reject: (reason: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

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
  private readonly resolveFn: (value: T) => void;
  private readonly rejectFn: (reason: unknown) => void;

  constructor() {
    this.promise = new Promise<T>(capture);
    this.resolveFn = capturedResolve as (value: T) => void;
    this.rejectFn = capturedReject;
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
