import { expect } from 'chai';
import { ManualClock } from '../../lib/local/manual-clock';

describe('ManualClock', () => {
  it('fires due callbacks in time order, ties in scheduling order, and only when advanced', async () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.schedule(3000, () => fired.push('c'));
    clock.schedule(1000, () => fired.push('a'));
    clock.schedule(1000, () => fired.push('b'));
    clock.schedule(9000, () => fired.push('late'));
    expect(fired).to.deep.equal([]);
    await clock.advance(3);
    expect(fired).to.deep.equal(['a', 'b', 'c']);
    expect(clock.now()).to.equal(3000);
  });

  it('shows each callback the time it was due, and fires callbacks scheduled by callbacks within the span', async () => {
    const clock = new ManualClock(0);
    const seen: number[] = [];
    clock.schedule(1000, () => {
      seen.push(clock.now());
      clock.schedule(clock.now() + 1000, () => seen.push(clock.now()));
    });
    await clock.advance(5);
    expect(seen).to.deep.equal([1000, 2000]);
    expect(clock.now()).to.equal(5000);
  });

  it('does not fire a cancelled callback', async () => {
    const clock = new ManualClock(0);
    let fired = false;
    clock.schedule(1000, () => (fired = true)).cancel();
    await clock.advance(10);
    expect(fired).to.equal(false);
    expect(clock.pendingCount()).to.equal(0);
  });

  it('skips straight to the next pending callback (time skipping)', async () => {
    const clock = new ManualClock(0);
    const fired: number[] = [];
    clock.schedule(86_400_000, () => fired.push(clock.now()));
    expect(clock.nextAt()).to.equal(86_400_000);
    expect(await clock.skipToNext()).to.equal(true);
    expect(fired).to.deep.equal([86_400_000]);
    expect(await clock.skipToNext()).to.equal(false);
  });

  it('skips only to workflow-time callbacks, moving background ones along with the jump', async () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.schedule(60_000, () => fired.push(`poll expiry at ${clock.now()}`), { background: true });
    clock.schedule(3_600_000, () => fired.push(`timer at ${clock.now()}`));
    expect(clock.nextAt()).to.equal(3_600_000);
    expect(clock.nextAt(true)).to.equal(60_000);
    await clock.skipToNext();
    expect(fired).to.deep.equal(['timer at 3600000']);
    await clock.advance(60);
    expect(fired).to.deep.equal(['timer at 3600000', 'poll expiry at 3660000']);
  });

  it('lets promise chains started by a callback settle before the next one fires', async () => {
    const clock = new ManualClock(0);
    const order: string[] = [];
    clock.schedule(
      1000,
      () =>
        void Promise.resolve()
          .then(() => Promise.resolve())
          .then(() => order.push('chain')),
    );
    clock.schedule(2000, () => order.push('second'));
    await clock.advance(2);
    expect(order).to.deep.equal(['chain', 'second']);
  });

  it('fires a callback that is already due by itself, without moving time', async () => {
    const clock = new ManualClock(5000);
    const fired = await new Promise<number>((resolve) => clock.schedule(5000, () => resolve(clock.now())));
    expect(fired).to.equal(5000);
  });

  it('refuses to go backwards', async () => {
    const clock = new ManualClock(0);
    let error: unknown;
    await clock.advance(-1).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(RangeError);
  });
});
