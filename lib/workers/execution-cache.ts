import type { WorkflowExecution } from '../engine';

/** A kept execution and what keeping it costs, as estimated when it was put. */
export interface KeptExecution {
  readonly execution: WorkflowExecution;
  readonly bytes: number;
}

/**
 * Running executions kept between decision tasks, by run id, least recently
 * used first out, within a count and a byte budget. A hit lets the next task
 * replay only its new events; a miss is never wrong, only slower (full replay).
 */
export class ExecutionCache {
  private readonly entries = new Map<string, KeptExecution>();
  private heldBytes = 0;
  hits = 0;
  misses = 0;
  evictions = 0;

  constructor(
    readonly capacity: number,
    readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(
        `The decider's execution cache size (cacheSize, or deciderCacheSize in FlowFactory's options) must be a whole number ≥ 0, got ${String(capacity)}.`,
      );
    if (typeof maxBytes !== 'number' || !(maxBytes >= 0))
      throw new RangeError(
        `The decider's execution cache byte budget (cacheBytes, or deciderCacheBytes in FlowFactory's options) must be a number of bytes ≥ 0, got ${String(maxBytes)}.`,
      );
  }

  /** Removes and returns the kept execution of `runId`: a task in progress owns it until it is put back. */
  take(runId: string): KeptExecution | undefined {
    const kept = this.entries.get(runId);
    if (kept) {
      this.remove(runId, kept);
      this.hits += 1;
    } else {
      this.misses += 1;
    }
    return kept;
  }

  /** Keeps `execution` as the most recently used, evicting the least recently used beyond the count or the byte budget. */
  put(execution: WorkflowExecution, bytes: number): void {
    const previous = this.entries.get(execution.runId);
    if (previous) this.remove(execution.runId, previous);
    if (this.capacity === 0 || bytes > this.maxBytes) return;
    this.entries.set(execution.runId, { execution, bytes });
    this.heldBytes += bytes;
    while (this.entries.size > this.capacity || this.heldBytes > this.maxBytes) {
      const [runId, oldest] = this.entries.entries().next().value!;
      this.remove(runId, oldest);
      this.evictions += 1;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The estimated bytes of every kept execution together. */
  get bytes(): number {
    return this.heldBytes;
  }

  private remove(runId: string, kept: KeptExecution): void {
    this.entries.delete(runId);
    this.heldBytes -= kept.bytes;
  }
}
