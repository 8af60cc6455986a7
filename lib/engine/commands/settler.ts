import type { Deferred } from '../deferred';

/** Settles futures in event order (the execution counts settlements, so `any` and timed waits can tell what came first). */
export interface Settler {
  resolve(future: Deferred<unknown> | undefined, value: unknown): void;
  reject(future: Deferred<unknown> | undefined, error: unknown): void;
}
