import type { Decision } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { DOMAIN, Harness, last, ROLE, scheduleActivity, type WireEvent } from '../support/backend-harness';

describe('LocalSwfBackend decisions', () => {
  let h: Harness;
  let runId: string;
  beforeEach(async () => {
    h = await Harness.create();
    runId = await h.start('wf', { lambdaRole: ROLE });
  });
  afterEach(() => h.backend.close());

  /** Answers the pending decision task with `decisions`; returns the events they produced. */
  const decide = async (...decisions: Decision[]): Promise<WireEvent[]> => {
    const task = await h.decisionTask();
    const before = (await h.history('wf', runId)).length;
    await h.decide(task, decisions);
    return (await h.history('wf', runId)).slice(before);
  };
  const nudge = () => h.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', signalName: 'nudge' });
  const timer = (timerId: string, startToFireTimeout = '10'): Decision => ({
    decisionType: 'StartTimer',
    startTimerDecisionAttributes: { timerId, startToFireTimeout, control: 'c' },
  });

  it('fails ScheduleActivityTask with each SWF cause, and schedules a decision task to report it', async () => {
    await h.call('RegisterActivityType', { domain: DOMAIN, name: 'Bare', version: '1' });
    await h.call('RegisterActivityType', { domain: DOMAIN, name: 'Old', version: '1', defaultTaskList: { name: 'x' } });
    await h.call('DeprecateActivityType', { domain: DOMAIN, activityType: { name: 'Old', version: '1' } });
    const bare = (activityId: string, extra: object = {}): Decision =>
      scheduleActivity(activityId, { activityType: { name: 'Bare', version: '1' }, ...extra });
    const events = await decide(
      scheduleActivity('a1'),
      scheduleActivity('a1'),
      scheduleActivity('u', { activityType: { name: 'Nope', version: '1' } }),
      scheduleActivity('d', { activityType: { name: 'Old', version: '1' } }),
      bare('b1'),
      bare('b2', { taskList: { name: 'x' } }),
      bare('b3', { taskList: { name: 'x' }, scheduleToStartTimeout: '1' }),
      bare('b4', { taskList: { name: 'x' }, scheduleToStartTimeout: '1', scheduleToCloseTimeout: '2' }),
    );
    const causes = events
      .filter((e) => e.eventType === 'ScheduleActivityTaskFailed')
      .map((e) => [e.scheduleActivityTaskFailedEventAttributes!.activityId, e.scheduleActivityTaskFailedEventAttributes!.cause]);
    expect(causes).to.deep.equal([
      ['a1', 'ACTIVITY_ID_ALREADY_IN_USE'],
      ['u', 'ACTIVITY_TYPE_DOES_NOT_EXIST'],
      ['d', 'ACTIVITY_TYPE_DEPRECATED'],
      ['b1', 'DEFAULT_TASK_LIST_UNDEFINED'],
      ['b2', 'DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED'],
      ['b3', 'DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED'],
      ['b4', 'DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED'],
    ]);
    expect(last(events, 'ScheduleActivityTaskFailed').scheduleActivityTaskFailedEventAttributes).to.deep.include({
      activityType: { name: 'Bare', version: '1' },
      decisionTaskCompletedEventId: 4,
    });
    expect(events[events.length - 1].eventType).to.equal('DecisionTaskScheduled');
  });

  const LIMIT_CASES: [string, (id: string) => Decision, string, string][] = [
    ['ScheduleActivityTask', (id) => scheduleActivity(id), 'OPEN_ACTIVITIES_LIMIT_EXCEEDED', 'openActivityTasks'],
    ['StartTimer', (id) => timer(id, '1000'), 'OPEN_TIMERS_LIMIT_EXCEEDED', 'openTimers'],
    [
      'ScheduleLambdaFunction',
      (id) => ({ decisionType: 'ScheduleLambdaFunction', scheduleLambdaFunctionDecisionAttributes: { id, name: 'never-answers' } }),
      'OPEN_LAMBDA_FUNCTIONS_LIMIT_EXCEEDED',
      'openLambdaFunctions',
    ],
    [
      'StartChildWorkflowExecution',
      (id) => ({
        decisionType: 'StartChildWorkflowExecution',
        startChildWorkflowExecutionDecisionAttributes: {
          workflowType: { name: 'Flow', version: '1' },
          workflowId: `child-${id}`,
          taskList: { name: 'kids' },
        },
      }),
      'OPEN_CHILDREN_LIMIT_EXCEEDED',
      'openChildWorkflowExecutions',
    ],
  ];
  for (const [type, make, cause, count] of LIMIT_CASES) {
    it(`fails ${type} with ${cause} beyond 1000 open`, async () => {
      h.lambdas.register('never-answers', () => new Promise(() => undefined));
      for (let round = 0; round < 10; round++) {
        await decide(...Array.from({ length: 100 }, (_, i) => make(`x${round}-${i}`)));
        await nudge();
      }
      const events = await decide(make('one-too-many'));
      expect(JSON.stringify(last(events, `${type}Failed`))).to.contain(cause);
      expect((await h.describe('wf', runId)).openCounts[count]).to.equal(1000);
    });
  }

  it('cancels an activity that has not started at once, and fails for an unknown activity id', async () => {
    await decide(scheduleActivity('a1'));
    await nudge();
    const cancel = (activityId: string): Decision => ({
      decisionType: 'RequestCancelActivityTask',
      requestCancelActivityTaskDecisionAttributes: { activityId },
    });
    const events = await decide(cancel('a1'), cancel('ghost'));
    expect(events.map((e) => e.eventType)).to.deep.equal([
      'DecisionTaskCompleted',
      'ActivityTaskCancelRequested',
      'ActivityTaskCanceled',
      'RequestCancelActivityTaskFailed',
      'DecisionTaskScheduled',
    ]);
    expect(events[2].activityTaskCanceledEventAttributes).to.deep.equal({
      scheduledEventId: 5,
      startedEventId: 0,
      latestCancelRequestedEventId: events[1].eventId,
    });
    expect(events[3].requestCancelActivityTaskFailedEventAttributes!.cause).to.equal('ACTIVITY_ID_UNKNOWN');
  });

  it('starts timers that fire on the clock, cancels them, and fails a duplicate or unknown timer id', async () => {
    const started = await decide(timer('t1', '10'), timer('t2', '20'), timer('t1'));
    expect(started[1].timerStartedEventAttributes).to.deep.equal({
      timerId: 't1',
      control: 'c',
      startToFireTimeout: '10',
      decisionTaskCompletedEventId: started[0].eventId,
    });
    expect(last(started, 'StartTimerFailed').startTimerFailedEventAttributes!.cause).to.equal('TIMER_ID_ALREADY_IN_USE');
    await h.decide(await h.decisionTask(), []);
    await h.clock.advance(10);
    const fired = last(await h.history('wf', runId), 'TimerFired');
    expect(fired.timerFiredEventAttributes).to.deep.equal({ timerId: 't1', startedEventId: started[1].eventId });
    const cancel = (timerId: string): Decision => ({ decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId } });
    const canceled = await decide(cancel('t2'), cancel('t1'));
    expect(canceled[1].timerCanceledEventAttributes).to.deep.include({ timerId: 't2', startedEventId: started[2].eventId });
    expect(canceled[2].cancelTimerFailedEventAttributes!.cause).to.equal('TIMER_ID_UNKNOWN');
    await h.clock.advance(100);
    expect((await h.history('wf', runId)).filter((e) => e.eventType === 'TimerFired')).to.have.length(1);
  });

  it('fires a zero-second timer without the clock being advanced', async () => {
    await decide(timer('now', '0'));
    const task = await new Promise<unknown>((resolve) => setImmediate(() => resolve(h.decisionTask())));
    expect(task).to.have.property('taskToken');
    expect(await h.eventTypes('wf', runId)).to.include('TimerFired');
  });

  it('records markers', async () => {
    const events = await decide({ decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: 'm', details: 'd' } });
    expect(events[1].markerRecordedEventAttributes).to.deep.equal({
      markerName: 'm',
      details: 'd',
      decisionTaskCompletedEventId: events[0].eventId,
    });
  });

  it('signals another execution, which sees who sent it, and fails for an unknown one', async () => {
    const otherRun = await h.start('other');
    const signal = (workflowId: string, runIdOf?: string): Decision => ({
      decisionType: 'SignalExternalWorkflowExecution',
      signalExternalWorkflowExecutionDecisionAttributes: { workflowId, runId: runIdOf, signalName: 'ping', input: 'i', control: 'c' },
    });
    const events = await decide(signal('other'), signal('ghost'), signal('other', 'wrong-run'));
    expect(events.map((e) => e.eventType)).to.deep.equal([
      'DecisionTaskCompleted',
      'SignalExternalWorkflowExecutionInitiated',
      'SignalExternalWorkflowExecutionInitiated',
      'SignalExternalWorkflowExecutionInitiated',
      'ExternalWorkflowExecutionSignaled',
      'SignalExternalWorkflowExecutionFailed',
      'SignalExternalWorkflowExecutionFailed',
      'DecisionTaskScheduled',
    ]);
    expect(events[4].externalWorkflowExecutionSignaledEventAttributes).to.deep.equal({
      workflowExecution: { workflowId: 'other', runId: otherRun },
      initiatedEventId: events[1].eventId,
    });
    expect(events[5].signalExternalWorkflowExecutionFailedEventAttributes).to.deep.equal({
      workflowId: 'ghost',
      cause: 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION',
      initiatedEventId: events[2].eventId,
      decisionTaskCompletedEventId: events[0].eventId,
      control: 'c',
    });
    const received = last(await h.history('other', otherRun), 'WorkflowExecutionSignaled');
    expect(received.workflowExecutionSignaledEventAttributes).to.deep.equal({
      signalName: 'ping',
      input: 'i',
      externalWorkflowExecution: { workflowId: 'wf', runId },
      externalInitiatedEventId: events[1].eventId,
    });
  });

  it('requests cancellation of another execution, and fails for an unknown one', async () => {
    const otherRun = await h.start('other');
    const cancel = (workflowId: string): Decision => ({
      decisionType: 'RequestCancelExternalWorkflowExecution',
      requestCancelExternalWorkflowExecutionDecisionAttributes: { workflowId },
    });
    const events = await decide(cancel('other'), cancel('ghost'));
    expect(last(events, 'ExternalWorkflowExecutionCancelRequested').externalWorkflowExecutionCancelRequestedEventAttributes).to.deep.equal({
      workflowExecution: { workflowId: 'other', runId: otherRun },
      initiatedEventId: events[1].eventId,
    });
    expect(
      last(events, 'RequestCancelExternalWorkflowExecutionFailed').requestCancelExternalWorkflowExecutionFailedEventAttributes!.cause,
    ).to.equal('UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION');
    const requested = last(await h.history('other', otherRun), 'WorkflowExecutionCancelRequested');
    expect(requested.workflowExecutionCancelRequestedEventAttributes).to.deep.equal({
      externalWorkflowExecution: { workflowId: 'wf', runId },
      externalInitiatedEventId: events[1].eventId,
    });
  });

  it('fails an execution with reason and details', async () => {
    const events = await decide({
      decisionType: 'FailWorkflowExecution',
      failWorkflowExecutionDecisionAttributes: { reason: 'r', details: 'd' },
    });
    expect(events[1].workflowExecutionFailedEventAttributes).to.deep.equal({ reason: 'r', details: 'd', decisionTaskCompletedEventId: 4 });
    expect((await h.describe('wf', runId)).executionInfo.closeStatus).to.equal('FAILED');
  });

  it('cancels an execution, closing everything still open in it', async () => {
    await decide(scheduleActivity('a1'), timer('t1'));
    await nudge();
    const events = await decide({ decisionType: 'CancelWorkflowExecution', cancelWorkflowExecutionDecisionAttributes: { details: 'bye' } });
    expect(events[1].workflowExecutionCanceledEventAttributes).to.deep.equal({
      details: 'bye',
      decisionTaskCompletedEventId: events[0].eventId,
    });
    const described = await h.describe('wf', runId);
    expect(described.executionInfo.closeStatus).to.equal('CANCELED');
    expect(described.openCounts).to.include({ openActivityTasks: 0, openTimers: 0, openDecisionTasks: 0 });
    await h.clock.advance(1000);
    expect(await h.eventTypes('wf', runId)).to.not.include('TimerFired');
  });

  it('fails each closing decision with UNHANDLED_DECISION when a signal arrived during the task', async () => {
    const closers: Decision[] = [
      { decisionType: 'FailWorkflowExecution' },
      { decisionType: 'CancelWorkflowExecution' },
      { decisionType: 'ContinueAsNewWorkflowExecution' },
    ];
    for (const closer of closers) {
      const task = await h.decisionTask();
      await nudge();
      await h.decide(task, [closer]);
      const failed = last(await h.history('wf', runId), `${closer.decisionType}Failed`);
      expect(JSON.stringify(failed)).to.contain('UNHANDLED_DECISION');
    }
    expect((await h.describe('wf', runId)).executionInfo.executionStatus).to.equal('OPEN');
  });
});
