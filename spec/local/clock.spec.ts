import { expect } from 'chai';
import { SystemClock } from '../../lib/local/clock';

describe('SystemClock', () => {
  it('does not fire a timeout longer than Node allows (25 days) at once', async () => {
    const clock = new SystemClock();
    let fired = false;
    const timer = clock.schedule(clock.now() + 30 * 86_400_000, () => (fired = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    timer.cancel();
    expect(fired).to.equal(false);
  });

  it('fires a short timeout on time', async () => {
    const clock = new SystemClock();
    await new Promise<void>((resolve) => clock.schedule(clock.now() + 5, resolve));
  });
});
