import { expect } from 'chai';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { retainedBytes } from '../../lib/workers/retained-size';

const completed = (eventId: number, result: string): HistoryEvent =>
  ({
    eventId,
    eventType: 'LambdaFunctionCompleted',
    lambdaFunctionCompletedEventAttributes: { result, scheduledEventId: 1, startedEventId: 2 },
  }) as HistoryEvent;

describe('retainedBytes', () => {
  it('grows with the strings the events carry, and counts only events after the one given', () => {
    const small = retainedBytes([completed(1, 'x')]);
    const large = retainedBytes([completed(1, 'x'.repeat(4096))]);
    expect(large - small).to.equal(2 * 4095);
    expect(retainedBytes([completed(1, 'a'), completed(2, 'b')], 1)).to.equal(small);
    expect(retainedBytes([], 0)).to.equal(0);
  });
});
