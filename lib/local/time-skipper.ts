import type { ManualClock } from './manual-clock';
import type { LocalSwfBackend } from './swf-backend';

export interface TimeSkipperOptions {
  /** How often (real milliseconds) to look whether the service is idle. Default 5. */
  checkEveryMs?: number;
}

/**
 * Time skipping for tests that run real workers: whenever the service is
 * idle (no decision, activity or Lambda task pending), the manual clock
 * jumps to the next timer or timeout, so a workflow that sleeps for a day
 * finishes in milliseconds. While work is pending, time stands still.
 *
 * @example
 * const clock = new ManualClock();
 * const backend = new LocalSwfBackend({ clock });
 * const skipper = new TimeSkipper(backend, clock).start();
 * // … run workers; `await flow.sleep(86400)` returns at once …
 * skipper.stop();
 */
export class TimeSkipper {
  private interval?: NodeJS.Timeout;
  private skipping = false;
  /** How many times the clock jumped (counted when a jump begins). */
  skips = 0;

  constructor(
    private readonly backend: LocalSwfBackend,
    private readonly clock: ManualClock,
    private readonly options: TimeSkipperOptions = {},
  ) {}

  start(): this {
    this.interval ??= setInterval(() => void this.check(), this.options.checkEveryMs ?? 5);
    this.interval.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.interval);
    this.interval = undefined;
  }

  private async check(): Promise<void> {
    if (this.skipping || !this.backend.isIdle() || this.clock.nextAt() === undefined) return;
    this.skipping = true;
    this.skips++;
    try {
      await this.clock.skipToNext();
    } finally {
      this.skipping = false;
    }
  }
}
