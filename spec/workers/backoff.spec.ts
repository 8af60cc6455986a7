import { expect } from 'chai';
import { Backoff, isTransient } from '../../lib/workers/backoff';

describe('Backoff', () => {
  it('doubles its ceiling per failure up to the cap, and resets', () => {
    const backoff = new Backoff(100, 1000, () => 1);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()]).to.deep.equal([100, 200, 400, 800, 1000]);
    backoff.reset();
    expect(backoff.next()).to.equal(100);
  });

  it('never waits less than half the base, so a failing poll is never a tight loop', () => {
    const backoff = new Backoff(100, 1000, () => 0);
    expect(backoff.next()).to.equal(50);
  });

  it('spreads waits with jitter', () => {
    const backoff = new Backoff(100, 10_000, () => 0.5);
    backoff.next();
    expect(backoff.next()).to.equal(100);
  });
});

describe('isTransient', () => {
  it('retries throttling, server errors and network failures', () => {
    expect(isTransient({ name: 'ThrottlingException' })).to.equal(true);
    expect(isTransient({ name: 'X', $metadata: { httpStatusCode: 503 } })).to.equal(true);
    expect(isTransient({ name: 'Error', code: 'ECONNREFUSED' })).to.equal(true);
  });

  it('does not call a client error transient', () => {
    expect(isTransient({ name: 'UnknownResourceFault', $metadata: { httpStatusCode: 400 } })).to.equal(false);
  });
});
