import type { ClockTimer } from '../clock';
import type { TrackedTimers } from '../state/tracked-timers';

/**
 * Starts a task for one poller, synchronously, at the moment it is handed
 * out; `undefined` when the item went stale (its execution closed, its
 * activity was canceled) and must be dropped.
 */
export type TaskTaker<T, R> = (item: T) => R | undefined;

interface Waiter<T> {
  take: TaskTaker<T, unknown>;
  resolve: (value: unknown) => void;
  timer?: ClockTimer;
  detach?: () => void;
}

/**
 * One task list: queued tasks plus pollers waiting in arrival order. Tasks
 * go to the longest-waiting poller first, and each is handed out by exactly
 * one synchronous `take` after leaving the queue, so never twice.
 */
export class TaskQueue<T> {
  private items: T[] = [];
  private head = 0;
  private readonly waiters: Waiter<T>[] = [];
  private draining = false;

  constructor(private readonly timers: TrackedTimers) {}

  /**
   * Queues a task. Waiting pollers get it in a microtask, after the action
   * that created it has recorded all its events (as SWF hands out tasks
   * only once a decision's events are in the history).
   */
  offer(item: T): void {
    this.items.push(item);
    if (this.waiters.length && !this.draining) {
      this.draining = true;
      queueMicrotask(() => this.drain());
    }
  }

  private drain(): void {
    this.draining = false;
    while (this.waiters.length && this.head < this.items.length) {
      const waiter = this.waiters[0];
      const result = waiter.take(this.shift());
      if (result === undefined) continue;
      this.waiters.shift();
      waiter.timer?.cancel();
      waiter.detach?.();
      waiter.resolve(result);
    }
  }

  private shift(): T {
    const item = this.items[this.head];
    this.items[this.head++] = undefined as unknown as T;
    this.compact();
    return item;
  }

  /**
   * Hands out a queued task at once, or waits up to `timeoutMs` for one
   * (then `undefined`). An aborted `signal` withdraws the poller, so a task
   * is never handed to a caller that has hung up.
   */
  poll<R>(take: TaskTaker<T, R>, timeoutMs: number, signal?: AbortSignal): Promise<R | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    while (this.head < this.items.length) {
      const result = take(this.shift());
      if (result !== undefined) return Promise.resolve(result);
    }
    return new Promise<R | undefined>((resolve) => {
      const waiter: Waiter<T> = { take, resolve: resolve as (value: unknown) => void };
      const onAbort = () => this.release(waiter);
      waiter.timer = this.timers.after(timeoutMs / 1000, onAbort, { background: true });
      signal?.addEventListener('abort', onAbort, { once: true });
      waiter.detach = () => signal?.removeEventListener('abort', onAbort);
      this.waiters.push(waiter);
    });
  }

  /** Queued tasks that are still live. */
  count(isLive: (item: T) => boolean): number {
    let n = 0;
    for (let i = this.head; i < this.items.length; i++) if (isLive(this.items[i])) n++;
    return n;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Answers every waiting poller with "no task" (service shutdown). */
  releaseAll(): void {
    for (const waiter of [...this.waiters]) this.release(waiter);
  }

  private release(waiter: Waiter<T>): void {
    const i = this.waiters.indexOf(waiter);
    if (i < 0) return;
    this.waiters.splice(i, 1);
    waiter.timer?.cancel();
    waiter.detach?.();
    waiter.resolve(undefined);
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
