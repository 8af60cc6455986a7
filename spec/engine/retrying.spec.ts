import { expect } from 'chai';
import { ActivityFailure, LambdaFailure, TimeoutFailure } from '../../lib/engine/call-failures';
import { isRetryable } from '../../lib/engine/retrying';

const origin = { callId: 'activity1', eventId: 7 };

describe('isRetryable', () => {
  const policy = { nonRetryable: ['CardDeclined', 'START_TO_CLOSE'] };

  it('does not retry a reason listed as non-retryable', () => {
    expect(isRetryable(new ActivityFailure('CardDeclined', undefined, origin), policy)).to.equal(false);
    expect(isRetryable(new TimeoutFailure('START_TO_CLOSE', undefined, origin), policy)).to.equal(false);
  });

  it("matches the error name of a reason a worker made from a thrown Error ('Name: message')", () => {
    expect(isRetryable(new ActivityFailure("CardDeclined: 99000 is over the card's limit", undefined, origin), policy)).to.equal(false);
    expect(isRetryable(new LambdaFailure('CardDeclined: no', undefined, origin), policy)).to.equal(false);
  });

  it('retries other reasons, including ones that merely start with a listed name', () => {
    expect(isRetryable(new ActivityFailure('Error: gateway busy', undefined, origin), policy)).to.equal(true);
    expect(isRetryable(new ActivityFailure('CardDeclinedTwice: no', undefined, origin), policy)).to.equal(true);
  });
});
