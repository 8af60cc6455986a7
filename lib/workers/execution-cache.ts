import type { WorkflowExecution } from '../engine';

/**
 * Running executions kept between decision tasks, by run id, least recently
 * used first out. A hit lets the next task replay only its new events; a
 * miss is never wrong, only slower (full replay).
 */
export class ExecutionCache {
  private readonly entries = new Map<string, WorkflowExecution>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(`The execution cache size must be a whole number ≥ 0, got ${capacity}.`);
  }

  /** The kept execution of `runId`, without counting a use. */
  peek(runId: string): WorkflowExecution | undefined {
    return this.entries.get(runId);
  }

  take(runId: string): WorkflowExecution | undefined {
    const execution = this.entries.get(runId);
    if (execution) {
      this.entries.delete(runId);
      this.hits += 1;
    } else {
      this.misses += 1;
    }
    return execution;
  }

  put(execution: WorkflowExecution): void {
    if (this.capacity === 0) return;
    this.entries.delete(execution.runId);
    this.entries.set(execution.runId, execution);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
