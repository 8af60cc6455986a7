import type { Clock, ClockTimer, DueTimer, ScheduleOptions, TimerScheduler } from '../clock';

/**
 * The service's timers on its clock, kept in one set so that `close()`
 * can stop every one of them.
 */
export class TrackedTimers implements TimerScheduler {
  private readonly live = new Set<ClockTimer>();

  constructor(private readonly clock: Clock) {}

  /** Runs `fn` after `seconds` of service time. */
  after(seconds: number, fn: () => void, options?: ScheduleOptions): DueTimer {
    return this.at(this.clock.now() + seconds * 1000, fn, options);
  }

  at(atMs: number, fn: () => void, options?: ScheduleOptions): DueTimer {
    const handle: DueTimer = {
      atMs,
      cancel: () => {
        this.live.delete(handle);
        inner.cancel();
      },
    };
    const inner = this.clock.schedule(
      atMs,
      () => {
        if (!this.live.delete(handle)) return;
        fn();
      },
      options,
    );
    this.live.add(handle);
    return handle;
  }

  cancelAll(): void {
    for (const handle of [...this.live]) handle.cancel();
  }
}
