import { expect } from 'chai';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { formatTimeline } from '../../lib/client/timeline';

const at = (seconds: number): Date => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

const events: HistoryEvent[] = [
  {
    eventId: 1,
    eventType: 'WorkflowExecutionStarted',
    eventTimestamp: at(0),
    workflowExecutionStartedEventAttributes: {
      workflowType: { name: 'StringTransformer', version: '1.0' },
      input: '["Hello"]',
      taskList: { name: 't' },
      childPolicy: 'TERMINATE',
    },
  },
  {
    eventId: 2,
    eventType: 'DecisionTaskScheduled',
    eventTimestamp: at(0),
    decisionTaskScheduledEventAttributes: { taskList: { name: 't' } },
  },
  {
    eventId: 3,
    eventType: 'LambdaFunctionScheduled',
    eventTimestamp: at(0.25),
    lambdaFunctionScheduledEventAttributes: { id: 'lambda1', name: 'string_upcase', input: '"Hello"', decisionTaskCompletedEventId: 2 },
  },
  {
    eventId: 4,
    eventType: 'LambdaFunctionFailed',
    eventTimestamp: at(1.5),
    lambdaFunctionFailedEventAttributes: { scheduledEventId: 3, startedEventId: 3, reason: 'TypeError: no', details: 'x'.repeat(100) },
  },
];

describe('formatTimeline', () => {
  it('shows one line per event with the offset, id, type and what matters', () => {
    expect(formatTimeline(events, { width: 20 }).split('\n')).to.deep.equal([
      '  +0.000s 1 WorkflowExecutionStarted                   StringTransformer 1.0 ["Hello"]',
      '  +0.000s 2 DecisionTaskScheduled',
      '  +0.250s 3 LambdaFunctionScheduled                    lambda1 string_upcase "Hello"',
      '  +1.500s 4 LambdaFunctionFailed                       lambda1 reason=TypeError: no details=xxxxxxxxxxxxxxxxxxx…',
    ]);
  });

  it('keeps its columns aligned when offsets grow to days', () => {
    const later: HistoryEvent = {
      eventId: 5,
      eventType: 'TimerFired',
      eventTimestamp: at(259_200),
      timerFiredEventAttributes: { timerId: 't1', startedEventId: 3 },
    };
    expect(formatTimeline([...events.slice(0, 2), later]).split('\n')).to.deep.equal([
      '       +0.000s 1 WorkflowExecutionStarted                   StringTransformer 1.0 ["Hello"]',
      '       +0.000s 2 DecisionTaskScheduled',
      '  +259200.000s 5 TimerFired                                 t1',
    ]);
  });

  it('can leave the decision task bookkeeping out', () => {
    expect(formatTimeline(events, { hideDecisionTasks: true })).not.to.contain('DecisionTaskScheduled');
  });
});
