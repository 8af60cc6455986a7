import { expect } from 'chai';
import { failureOf } from '../../lib/workers/activity-failure';

describe('failureOf', () => {
  it('keeps an Error’s name, message and stack', () => {
    const error = new RangeError('out of range');
    expect(failureOf(error, 'A.m')).to.deep.equal({ reason: 'RangeError: out of range', details: error.stack });
  });

  it('encodes what JSON cannot (cycles, BigInt) as a readable rendering instead of throwing', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const { reason, details } = failureOf(cyclic, 'A.m');
    expect(reason).to.equal('NonErrorThrown: A.m threw object instead of an Error');
    expect(JSON.parse(details!)).to.contain("name: 'loop'");
    expect(JSON.parse(failureOf(10n, 'A.m').details!)).to.equal('10n');
    expect(failureOf(null, 'A.m')).to.deep.equal({ reason: 'NonErrorThrown: A.m threw null instead of an Error', details: 'null' });
  });
});
