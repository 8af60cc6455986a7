import { expect } from 'chai';
import { untilQuiescent } from '../../lib/engine/quiescence';

/** A promise chain `depth` links long, each link a microtask; records when its end ran. */
function chain(depth: number, log: string[], name: string): void {
  let p = Promise.resolve();
  for (let i = 0; i < depth; i++) p = p.then(() => undefined);
  void p.then(() => log.push(name));
}

describe('untilQuiescent', () => {
  it('resolves only after every microtask, including those queued after it and those they queue', async () => {
    const log: string[] = [];
    chain(3, log, 'before');
    const barrier = untilQuiescent().then(() => log.push('barrier'));
    chain(50, log, 'after'); // queued after the barrier, and long
    await barrier;
    expect(log).to.deep.equal(['before', 'after', 'barrier']);
  });

  it('lets the event loop turn now and then during a long run of activations', async () => {
    let turned = false;
    setImmediate(() => (turned = true));
    let waited = 0;
    while (!turned && waited < 10_000) {
      await untilQuiescent();
      waited++;
    }
    expect(turned).to.equal(true);
    expect(waited).to.be.lessThan(200);
  });

  it('does not wait for an event-loop turn on every activation', async () => {
    let turns = 0;
    let counting = true;
    const count = (): void => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    for (let i = 0; i < 1000; i++) await untilQuiescent();
    counting = false;
    expect(turns).to.be.lessThan(100);
  });
});
