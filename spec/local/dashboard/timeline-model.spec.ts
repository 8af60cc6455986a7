import { expect } from 'chai';
import type { WireHistoryEvent } from '../../../lib/local/wire';
import { buildTimeline } from '../../../lib/local/dashboard/timeline-model';

let id = 0;
function event(at: number, eventType: string, attributes: Record<string, unknown> = {}): WireHistoryEvent {
  const key = `${eventType[0].toLowerCase()}${eventType.slice(1)}EventAttributes`;
  return { eventId: ++id, eventTimestamp: at, eventType, [key]: attributes } as WireHistoryEvent;
}

describe('buildTimeline', () => {
  beforeEach(() => (id = 0));

  it('makes one call per scheduled activity, from scheduled through started to closed, with its input and result', () => {
    const events = [
      event(100, 'WorkflowExecutionStarted', { workflowType: { name: 'W', version: '1' } }),
      event(101, 'ActivityTaskScheduled', {
        activityId: 'activity1',
        activityType: { name: 'orders.pack', version: '1' },
        input: '{"n":1}',
      }),
      event(103, 'ActivityTaskStarted', { scheduledEventId: 2 }),
      event(106, 'ActivityTaskCompleted', { scheduledEventId: 2, startedEventId: 3, result: '"ok"' }),
      event(107, 'WorkflowExecutionCompleted', { result: '"ok"' }),
    ];
    const model = buildTimeline(events, 500);
    expect(model).to.include({ start: 100, end: 107 });
    expect(model.calls).to.deep.equal([
      {
        kind: 'activity',
        id: 'activity1',
        name: 'orders.pack 1',
        input: '{"n":1}',
        outcome: 'completed',
        scheduledAt: 101,
        startedAt: 103,
        closedAt: 106,
        eventId: 2,
        attempt: 1,
        result: '"ok"',
        reason: undefined,
        details: undefined,
      },
    ]);
    expect(model.marks.map((m) => m.label)).to.deep.equal(['WorkflowExecutionCompleted']);
  });

  it('counts a call made again after a failure as a retry, and keeps the failure reason', () => {
    const events = [
      event(0, 'WorkflowExecutionStarted'),
      event(1, 'LambdaFunctionScheduled', { id: 'lambda1', name: 'charge', input: '1' }),
      event(1, 'LambdaFunctionStarted', { scheduledEventId: 2 }),
      event(2, 'LambdaFunctionFailed', { scheduledEventId: 2, reason: 'Declined', details: 'card' }),
      event(3, 'TimerStarted', { timerId: 'timer1', startToFireTimeout: '5' }),
      event(8, 'TimerFired', { timerId: 'timer1', startedEventId: 5 }),
      event(9, 'LambdaFunctionScheduled', { id: 'lambda2', name: 'charge', input: '1' }),
      event(9, 'LambdaFunctionStarted', { scheduledEventId: 7 }),
      event(10, 'LambdaFunctionTimedOut', { scheduledEventId: 7, timeoutType: 'START_TO_CLOSE' }),
    ];
    const calls = buildTimeline(events, 20).calls;
    expect(calls.map((c) => [c.kind, c.id, c.outcome, c.attempt])).to.deep.equal([
      ['lambda', 'lambda1', 'failed', 1],
      ['timer', 'timer1', 'fired', 1],
      ['lambda', 'lambda2', 'timed-out', 2],
    ]);
    expect(calls[0]).to.include({ reason: 'Declined', details: 'card' });
    expect(calls[2]).to.include({ reason: 'START_TO_CLOSE' });
    expect(calls[1]).to.include({ name: '5s', scheduledAt: 3, closedAt: 8 });
  });

  it('draws open calls up to now while the execution runs, and links a started child', () => {
    const events = [
      event(0, 'WorkflowExecutionStarted'),
      event(1, 'StartChildWorkflowExecutionInitiated', { workflowId: 'w-child1', workflowType: { name: 'Child', version: '2' } }),
      event(2, 'ChildWorkflowExecutionStarted', { initiatedEventId: 2, workflowExecution: { workflowId: 'w-child1', runId: 'r1' } }),
      event(3, 'WorkflowExecutionSignaled', { signalName: 'approve', input: '{}' }),
    ];
    const model = buildTimeline(events, 42);
    expect(model.end).to.equal(42);
    expect(model.calls[0]).to.include({ kind: 'child', outcome: 'open', name: 'Child 2', startedAt: 2 });
    expect(model.calls[0].child).to.deep.equal({ workflowId: 'w-child1', runId: 'r1' });
    expect(model.marks).to.deep.equal([{ at: 3, eventId: 4, label: 'WorkflowExecutionSignaled approve', detail: '{}', failure: false }]);
  });

  it('shows a call SWF refused to schedule as a failed call with the cause', () => {
    const events = [
      event(0, 'WorkflowExecutionStarted'),
      event(1, 'ScheduleActivityTaskFailed', {
        activityId: 'activity1',
        activityType: { name: 'gone', version: '1' },
        cause: 'ACTIVITY_TYPE_DEPRECATED',
      }),
    ];
    const [call] = buildTimeline(events, 5).calls;
    expect(call).to.include({ kind: 'activity', name: 'gone 1', outcome: 'failed', reason: 'ACTIVITY_TYPE_DEPRECATED', closedAt: 1 });
  });
});
