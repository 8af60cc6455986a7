import { expect } from 'chai';
import { Slots } from '../../lib/workers/slots';

describe('Slots', () => {
  it('grants at most its size and hands a released slot to the next waiter', async () => {
    const slots = new Slots(2);
    const signal = new AbortController().signal;
    expect(await slots.acquire(signal)).to.equal(true);
    expect(await slots.acquire(signal)).to.equal(true);
    let third = false;
    const waiting = slots.acquire(signal).then((granted) => (third = granted));
    await Promise.resolve();
    expect(third).to.equal(false);
    slots.release();
    await waiting;
    expect(third).to.equal(true);
    expect(slots.inUse).to.equal(2);
  });

  it('gives up waiting when aborted', async () => {
    const slots = new Slots(1);
    const controller = new AbortController();
    await slots.acquire(controller.signal);
    const waiting = slots.acquire(controller.signal);
    controller.abort();
    expect(await waiting).to.equal(false);
  });

  it('rejects a size below one', () => {
    expect(() => new Slots(0)).to.throw(RangeError, 'Concurrency must be a whole number of at least 1, got 0.');
  });
});
