/** A first-in, first-out queue with O(1) push and shift. */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    // Drop the consumed prefix now and then, so a long-lived queue does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  *values(): IterableIterator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i] as T;
  }
}

/**
 * Tasks by SWF task priority: higher numbers first, first in first out
 * within one priority.
 */
export class PriorityBuckets<T> {
  private readonly buckets = new Map<number, Fifo<T>>();
  /** Priorities that have a bucket, highest first. */
  private order: number[] = [];

  push(item: T, priority = 0): void {
    let bucket = this.buckets.get(priority);
    if (!bucket) {
      bucket = new Fifo<T>();
      this.buckets.set(priority, bucket);
      this.order = [...this.order, priority].sort((a, b) => b - a);
    }
    bucket.push(item);
  }

  shift(): T | undefined {
    for (const priority of this.order) {
      const bucket = this.buckets.get(priority)!;
      if (bucket.size) return bucket.shift();
    }
    return undefined;
  }

  get size(): number {
    let n = 0;
    for (const bucket of this.buckets.values()) n += bucket.size;
    return n;
  }

  *values(): IterableIterator<T> {
    for (const priority of this.order) yield* this.buckets.get(priority)!.values();
  }
}
