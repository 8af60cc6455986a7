import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../logging/logger';
import { Backoff, isTransient } from './backoff';
import type { Slots } from './slots';

export interface PollLoopOptions<T> {
  /** Names the loop in log lines: `decider`, `activities:mail`. */
  name: string;
  logger: Logger;
  slots: Slots;
  /** One long poll; resolves undefined when it returned no task. */
  poll: (signal: AbortSignal) => Promise<T | undefined>;
  /** Runs one task; must not throw (handlers log and respond themselves). */
  handle: (task: T) => Promise<void>;
  backoff?: Backoff;
}

/**
 * Polls, hands each task to `handle` without waiting for it (up to the slots'
 * size at once), and backs off on errors: never a tight loop, never a crash.
 * `stop()` ends polling and resolves once in-flight tasks finish.
 */
export class PollLoop<T> {
  private readonly controller = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private running?: Promise<void>;

  constructor(private readonly options: PollLoopOptions<T>) {}

  start(): void {
    this.running ??= this.loop();
  }

  get stopping(): boolean {
    return this.controller.signal.aborted;
  }

  /**
   * Stops polling (aborting a poll in progress) and waits for in-flight tasks,
   * for at most `timeoutMs`. Then `abortLeft` (when given) tells the handlers
   * to give up, and the loop waits for them to return. The wait holds the
   * process open: a shutdown must not end early because only a hung task was left.
   */
  async stop(timeoutMs = 30_000, abortLeft?: () => void): Promise<{ unfinished: number }> {
    this.controller.abort();
    await this.running;
    if (this.inFlight.size === 0) return { unfinished: 0 };
    const outcome = await withTimeout(Promise.allSettled([...this.inFlight]), timeoutMs);
    if (outcome === 'done') return { unfinished: 0 };
    const unfinished = this.inFlight.size;
    if (abortLeft) {
      abortLeft();
      await Promise.allSettled([...this.inFlight]);
    }
    return { unfinished };
  }

  private async loop(): Promise<void> {
    const { poll, handle, slots, logger, name } = this.options;
    const backoff = this.options.backoff ?? new Backoff();
    const signal = this.controller.signal;
    while (!signal.aborted) {
      if (!(await slots.acquire(signal))) break;
      let task: T | undefined;
      try {
        task = await poll(signal);
        backoff.reset();
      } catch (error) {
        slots.release();
        if (signal.aborted) break;
        const wait = backoff.next();
        const fields = { loop: name, error: describeError(error), retryInMs: wait, failures: backoff.consecutiveFailures };
        if (isTransient(error)) logger.warn('poll failed; retrying', fields);
        else logger.error('poll failed; retrying (check the domain, task list and credentials)', fields);
        await delay(wait, undefined, { signal }).catch(() => undefined);
        continue;
      }
      if (task === undefined) {
        slots.release();
        continue;
      }
      const running: Promise<void> = handle(task)
        .catch((error) => logger.error('task handler failed', { loop: name, error: describeError(error) }))
        .finally(() => {
          slots.release();
          this.inFlight.delete(running);
        });
      this.inFlight.add(running);
    }
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Resolves `'done'` when `work` settles or `'timeout'` after `ms`, with a timer that keeps the process alive meanwhile. */
async function withTimeout(work: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([work.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
