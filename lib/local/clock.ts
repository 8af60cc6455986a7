/** A scheduled callback that can be called off. */
export interface ClockTimer {
  cancel(): void;
}

export interface ScheduleOptions {
  /**
   * Housekeeping (long-poll expiry, retention) rather than workflow time
   * (timers, timeouts): a time-skipping clock does not jump to it.
   */
  background?: boolean;
  /** Must not keep the process alive on its own (retention of closed runs). */
  weak?: boolean;
}

/**
 * The time source of the local service. Every event timestamp, timeout,
 * timer and long poll goes through it, so a test can swap in a
 * {@link ManualClock} and skip time.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` once, when `now()` reaches `atMs` (at once if already past). */
  schedule(atMs: number, fn: () => void, options?: ScheduleOptions): ClockTimer;
}

/** A service timer that knows when it falls due, so a durable service can arm it again after a restart. */
export interface DueTimer extends ClockTimer {
  /** Epoch milliseconds at which it fires. */
  readonly atMs: number;
}

/** Runs callbacks after a delay of service time (the service's TrackedTimers). */
export interface TimerScheduler {
  after(seconds: number, fn: () => void, options?: ScheduleOptions): ClockTimer;
}

// Node fires longer timeouts at once; SWF timeouts run up to a year.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Wall-clock time, with Node timers. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  /**
   * Pending timers keep the process alive, as an open socket would: an
   * in-process sample whose workflow sleeps must not exit. `close()` on the
   * service cancels them all.
   */
  schedule(atMs: number, fn: () => void, options: ScheduleOptions = {}): ClockTimer {
    let handle: NodeJS.Timeout;
    const arm = () => {
      const delay = atMs - Date.now();
      handle = delay > MAX_TIMEOUT_MS ? setTimeout(arm, MAX_TIMEOUT_MS) : setTimeout(fn, Math.max(0, delay));
      if (options.weak) handle.unref();
    };
    arm();
    return { cancel: () => clearTimeout(handle) };
  }
}
