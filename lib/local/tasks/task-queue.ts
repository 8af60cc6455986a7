import type { ClockTimer, TimerScheduler } from '../clock';
import { PriorityBuckets } from './priority-buckets';

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
 * One task list: queued tasks (highest task priority first) plus pollers
 * waiting in arrival order. Tasks go to the longest-waiting poller first,
 * and each is handed out by exactly one synchronous `take` after leaving
 * the queue, so never twice.
 */
export class TaskQueue<T> {
  private readonly items = new PriorityBuckets<T>();
  private readonly waiters: Waiter<T>[] = [];
  private draining = false;

  constructor(private readonly timers: TimerScheduler) {}

  /**
   * Queues a task. Waiting pollers get it in a microtask, after the action
   * that created it has recorded all its events (as SWF hands out tasks
   * only once a decision's events are in the history).
   */
  offer(item: T, priority = 0): void {
    this.items.push(item, priority);
    if (this.waiters.length && !this.draining) {
      this.draining = true;
      queueMicrotask(() => this.drain());
    }
  }

  private drain(): void {
    this.draining = false;
    while (this.waiters.length && this.items.size) {
      const waiter = this.waiters[0];
      const result = waiter.take(this.items.shift()!);
      if (result === undefined) continue;
      this.waiters.shift();
      waiter.timer?.cancel();
      waiter.detach?.();
      waiter.resolve(result);
    }
  }

  /**
   * Hands out a queued task at once, or waits up to `timeoutMs` for one
   * (then `undefined`). An aborted `signal` withdraws the poller, so a task
   * is never handed to a caller that has hung up.
   */
  poll<R>(take: TaskTaker<T, R>, timeoutMs: number, signal?: AbortSignal): Promise<R | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    for (let item = this.items.shift(); item !== undefined; item = this.items.shift()) {
      const result = take(item);
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
    for (const item of this.items.values()) if (isLive(item)) n++;
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
}
