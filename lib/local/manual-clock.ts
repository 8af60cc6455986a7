import type { Clock, ClockTimer, ScheduleOptions } from './clock';

interface Entry {
  atMs: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
  background: boolean;
}

/** Lets pending promise chains (Lambda calls, woken long polls) run to rest. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A clock that moves only when told to: time skipping for tests.
 * `advance` fires due callbacks in time order (ties in scheduling order),
 * letting the service settle after each one, so results are deterministic.
 *
 * @example
 * const clock = new ManualClock();
 * const backend = new LocalSwfBackend({ clock });
 * await clock.advance(301); // the 300 s activity timeout fires
 */
export class ManualClock implements Clock {
  private current: number;
  private seq = 0;
  private entries: Entry[] = [];
  private advancing = 0;
  private flushPending = false;

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Callbacks already due (a zero-second timer) fire by themselves, soon, without moving time. */
  schedule(atMs: number, fn: () => void, options: ScheduleOptions = {}): ClockTimer {
    const entry: Entry = { atMs, seq: this.seq++, fn, cancelled: false, background: !!options.background };
    this.entries.push(entry);
    if (atMs <= this.current) this.fireDueSoon();
    return { cancel: () => (entry.cancelled = true) };
  }

  private fireDueSoon(): void {
    if (this.flushPending) return;
    this.flushPending = true;
    setImmediate(() => {
      this.flushPending = false;
      if (this.advancing === 0) void this.advanceTo(this.current);
    });
  }

  /** Moves time forward by `seconds`, firing everything that falls due. */
  async advance(seconds: number): Promise<void> {
    if (!(seconds >= 0)) throw new RangeError(`ManualClock.advance: seconds must be >= 0, got ${seconds}`);
    await this.advanceTo(this.current + seconds * 1000);
  }

  /** Moves time to `targetMs` (never backwards), firing due callbacks in order. */
  async advanceTo(targetMs: number): Promise<void> {
    this.advancing++;
    try {
      await settle();
      for (let next = this.nextDue(targetMs); next; next = this.nextDue(targetMs)) {
        this.current = Math.max(this.current, next.atMs);
        next.cancelled = true;
        next.fn();
        await settle();
      }
      this.current = Math.max(this.current, targetMs);
    } finally {
      this.advancing--;
    }
  }

  /**
   * Time skipping: jumps to the next pending workflow-time callback (timer
   * or timeout, not housekeeping such as long-poll expiry) and fires it.
   * Housekeeping callbacks move with the jump. Returns false when none is pending.
   */
  async skipToNext(): Promise<boolean> {
    const at = this.nextAt();
    if (at === undefined) return false;
    // Skipped time does not count for housekeeping: a long poll waiting
    // when time jumps still has its full wait ahead of it.
    const skipped = Math.max(0, at - this.current);
    for (const e of this.entries) if (e.background && !e.cancelled) e.atMs += skipped;
    await this.advanceTo(at);
    return true;
  }

  /** When the next pending callback falls due; background ones only when `includeBackground`. */
  nextAt(includeBackground = false): number | undefined {
    return this.nextDue(Infinity, !includeBackground)?.atMs;
  }

  /** Number of callbacks still pending. */
  pendingCount(): number {
    this.entries = this.entries.filter((e) => !e.cancelled);
    return this.entries.length;
  }

  private nextDue(limitMs: number, foregroundOnly = false): Entry | undefined {
    let best: Entry | undefined;
    for (const e of this.entries) {
      if (e.cancelled || e.atMs > limitMs || (foregroundOnly && e.background)) continue;
      if (!best || e.atMs < best.atMs || (e.atMs === best.atMs && e.seq < best.seq)) best = e;
    }
    if (this.entries.length > 1024) this.entries = this.entries.filter((e) => !e.cancelled);
    return best;
  }
}
