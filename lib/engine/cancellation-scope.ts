// The one Node primitive the engine uses besides the quiescence barrier: an async context carries
// the current cancellation scope through the workflow's awaits. It does no I/O and reads no clock.
import { AsyncLocalStorage } from 'node:async_hooks';

/** Created lazily: Node tracks promise contexts only once a scope is first used. */
let storage: AsyncLocalStorage<CancellationScope> | undefined;

/**
 * A part of a workflow that can be cancelled on its own: every call and timer it started
 * (in the block and in whatever the block awaits) is cancelled as a whole execution's are.
 */
export class CancellationScope {
  /** The `cancel()` of each call and timer started in the scope. */
  private readonly calls = new Set<() => void>();
  private readonly children = new Set<CancellationScope>();
  private cancelled = false;

  constructor(parent: CancellationScope | undefined) {
    parent?.children.add(this);
  }

  static current(): CancellationScope | undefined {
    return storage?.getStore();
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    storage ??= new AsyncLocalStorage<CancellationScope>();
    return storage.run(this, fn);
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  track(cancel: () => void): void {
    if (this.cancelled) cancel();
    else this.calls.add(cancel);
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const cancel of this.calls) cancel();
    this.calls.clear();
    for (const child of this.children) child.cancel();
  }
}
