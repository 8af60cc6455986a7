/**
 * `condition()` waits: each predicate is evaluated after the events of an activation
 * are applied and whenever the workflow has made all the progress it can, until it holds.
 */
export class Conditions {
  private readonly waiting = new Set<{ holds: () => boolean; settle: (met: boolean) => void; fail: (error: unknown) => void }>();

  get pending(): boolean {
    return this.waiting.size > 0;
  }

  /** Resolves `true` once `holds()` is true; `expire()` resolves it `false` if it is still waiting. */
  wait(holds: () => boolean): { promise: Promise<boolean>; expire: () => void; met: () => boolean } {
    let done = false;
    let resolveFn!: (met: boolean) => void;
    let rejectFn!: (error: unknown) => void;
    const promise = new Promise<boolean>((resolve, reject) => {
      resolveFn = resolve;
      rejectFn = reject;
    });
    const waiter = {
      holds,
      settle: (met: boolean) => {
        done = true;
        this.waiting.delete(waiter);
        resolveFn(met);
      },
      fail: (error: unknown) => {
        done = true;
        this.waiting.delete(waiter);
        rejectFn(error);
      },
    };
    this.waiting.add(waiter);
    return { promise, expire: () => !done && waiter.settle(false), met: () => done };
  }

  /** Settles every wait whose predicate now holds (a predicate that throws rejects its wait); true if any did. */
  check(): boolean {
    let any = false;
    for (const waiter of [...this.waiting]) {
      let holds: boolean;
      try {
        holds = waiter.holds();
      } catch (error) {
        waiter.fail(error);
        any = true;
        continue;
      }
      if (holds) {
        waiter.settle(true);
        any = true;
      }
    }
    return any;
  }
}
