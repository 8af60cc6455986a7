import { expect } from 'chai';
import { attemptOf } from '../../lib/workers/activity-attempt';

describe('attemptOf', () => {
  it('is 1 for an activity id without an attempt suffix', () => {
    expect(attemptOf('activity3')).to.equal(1);
    expect(attemptOf(undefined)).to.equal(1);
  });

  it('reads attempt n from the suffix #n that a retry is scheduled with', () => {
    expect(attemptOf('activity3#2')).to.equal(2);
    expect(attemptOf('activity3#17')).to.equal(17);
  });

  it('takes only a trailing #n with n of at least 2 as an attempt', () => {
    expect(attemptOf('activity3#1')).to.equal(1);
    expect(attemptOf('activity3#0')).to.equal(1);
    expect(attemptOf('activity3#02')).to.equal(1);
    expect(attemptOf('order#2-pack')).to.equal(1);
    expect(attemptOf(`a#${'9'.repeat(30)}`)).to.equal(1);
  });
});
