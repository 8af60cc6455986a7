import { expect } from 'chai';
import { ManualClock } from '../../../lib/local/manual-clock';
import { TrackedTimers } from '../../../lib/local/service/tracked-timers';
import { TaskQueue } from '../../../lib/local/tasks/task-queue';

describe('TaskQueue', () => {
  let clock: ManualClock;
  let queue: TaskQueue<string>;
  beforeEach(() => {
    clock = new ManualClock(0);
    queue = new TaskQueue<string>(new TrackedTimers(clock));
  });
  const take = (item: string) => (item.startsWith('stale') ? undefined : item);

  it('hands out queued tasks in order, skipping stale ones', async () => {
    for (const item of ['a', 'stale-1', 'b']) queue.offer(item);
    expect(queue.count((i) => !i.startsWith('stale'))).to.equal(2);
    expect(await queue.poll(take, 1000)).to.equal('a');
    expect(await queue.poll(take, 1000)).to.equal('b');
  });

  it('hands out higher task priorities first, in order within one priority', async () => {
    queue.offer('low-1', -5);
    queue.offer('normal-1');
    queue.offer('high-1', 10);
    queue.offer('normal-2', 0);
    queue.offer('high-2', 10);
    const order: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) order.push(await queue.poll(take, 1000));
    expect(order).to.deep.equal(['high-1', 'high-2', 'normal-1', 'normal-2', 'low-1']);
  });

  it('serves waiting pollers first come, first served', async () => {
    const first = queue.poll((i) => `first:${i}`, 60000);
    const second = queue.poll((i) => `second:${i}`, 60000);
    expect(queue.waiting).to.equal(2);
    queue.offer('x');
    queue.offer('y');
    expect(await Promise.all([first, second])).to.deep.equal(['first:x', 'second:y']);
    expect(queue.waiting).to.equal(0);
  });

  it('does not let a stale task use up a waiting poller', async () => {
    const polling = queue.poll(take, 60000);
    queue.offer('stale-1');
    queue.offer('real');
    expect(await polling).to.equal('real');
  });

  it('answers undefined when the wait times out, and when the caller aborts', async () => {
    const timedOut = queue.poll(take, 5000);
    await clock.advance(5);
    expect(await timedOut).to.equal(undefined);
    const abort = new AbortController();
    const aborted = queue.poll(take, 60000, abort.signal);
    abort.abort();
    expect(await aborted).to.equal(undefined);
    queue.offer('kept');
    expect(queue.count(() => true)).to.equal(1, 'the task waits for a live poller');
  });

  it('releases every waiting poller on releaseAll', async () => {
    const pollers = [queue.poll(take, 60000), queue.poll(take, 60000)];
    queue.releaseAll();
    expect(await Promise.all(pollers)).to.deep.equal([undefined, undefined]);
  });
});
