import type { TimerScheduler } from '../clock';
import { TaskQueue } from './task-queue';

/** The task lists of one kind (decision or activity), per domain and name. */
export class TaskLists<T> {
  private readonly queues = new Map<string, TaskQueue<T>>();

  constructor(private readonly timers: TimerScheduler) {}

  get(domain: string, taskList: string): TaskQueue<T> {
    const key = `${domain}\u0000${taskList}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new TaskQueue<T>(this.timers);
      this.queues.set(key, queue);
    }
    return queue;
  }

  releaseAll(): void {
    for (const queue of this.queues.values()) queue.releaseAll();
  }
}
