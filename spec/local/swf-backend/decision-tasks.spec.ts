import { expect } from 'chai';
import { complete, DECISIONS, DOMAIN, faultOf, Harness, last, scheduleActivity } from '../support/backend-harness';

describe('LocalSwfBackend decision tasks', () => {
  let h: Harness;
  beforeEach(async () => (h = await Harness.create()));
  afterEach(() => h.backend.close());

  const signal = (name = 's') => h.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', signalName: name });

  it('keeps at most one decision task scheduled and one started, batching events that arrive meanwhile', async () => {
    const runId = await h.start('wf');
    await signal('while-scheduled');
    const task = await h.decisionTask();
    await signal('a');
    await signal('b');
    expect((await h.history('wf', runId)).filter((e) => e.eventType === 'DecisionTaskScheduled')).to.have.length(1);
    await h.decide(task, []);
    expect(await h.eventTypes('wf', runId)).to.deep.equal([
      'WorkflowExecutionStarted',
      'DecisionTaskScheduled',
      'WorkflowExecutionSignaled',
      'DecisionTaskStarted',
      'WorkflowExecutionSignaled',
      'WorkflowExecutionSignaled',
      'DecisionTaskCompleted',
      'DecisionTaskScheduled',
    ]);
    const next = await h.decisionTask();
    expect(next.previousStartedEventId).to.equal(4);
    expect(next.startedEventId).to.equal(9);
  });

  it('wakes a waiting decision poller as soon as an execution starts', async () => {
    const polling = h.call('PollForDecisionTask', { domain: DOMAIN, taskList: { name: DECISIONS } });
    await h.start('wf');
    const task = await polling;
    expect(task.workflowExecution.workflowId).to.equal('wf');
  });

  it('gives a decision task to one of two concurrent deciders, and the next task of the execution only after it completes', async () => {
    const pollA = h.call('PollForDecisionTask', { domain: DOMAIN, taskList: { name: DECISIONS }, identity: 'A' });
    const pollB = h.call('PollForDecisionTask', { domain: DOMAIN, taskList: { name: DECISIONS }, identity: 'B' });
    const runId = await h.start('wf');
    const first = await pollA;
    await signal();
    expect((await h.call('CountPendingDecisionTasks', { domain: DOMAIN, taskList: { name: DECISIONS } })).count).to.equal(0);
    await h.decide(first, []);
    const second = await pollB;
    expect(second.workflowExecution.runId).to.equal(runId);
    expect(second.taskToken).to.not.equal(first.taskToken);
    const started = (await h.history('wf', runId)).filter((e) => e.eventType === 'DecisionTaskStarted');
    expect(started.map((e) => e.decisionTaskStartedEventAttributes!.identity)).to.deep.equal(['A', 'B']);
  });

  it('answers an empty decision task once the long poll times out on the service clock', async () => {
    const polling = h.call('PollForDecisionTask', { domain: DOMAIN, taskList: { name: DECISIONS } });
    await h.clock.advance(59);
    let settled = false;
    void polling.then(() => (settled = true));
    await h.clock.advance(0);
    expect(settled).to.equal(false);
    await h.clock.advance(1);
    expect(await polling).to.deep.equal({ startedEventId: 0, previousStartedEventId: 0 });
  });

  it('withdraws a long poll whose caller gave up, so the next task goes to a live poller', async () => {
    const abort = new AbortController();
    const abandoned = h.backend.dispatch(
      'PollForDecisionTask',
      { domain: DOMAIN, taskList: { name: DECISIONS } },
      { signal: abort.signal },
    );
    abort.abort();
    expect(await abandoned).to.deep.equal({ startedEventId: 0, previousStartedEventId: 0 });
    await h.start('wf');
    expect((await h.decisionTask()).workflowExecution!.workflowId).to.equal('wf');
  });

  it('pages a decision task history forwards and backwards, ending at its DecisionTaskStarted', async () => {
    await h.start('wf');
    for (let i = 0; i < 4; i++) await signal(`s${i}`);
    const collect = async (reverseOrder: boolean) => {
      const first = await h.decisionTask(DECISIONS, { maximumPageSize: 2, reverseOrder });
      const ids = first.events!.map((e) => e.eventId);
      let token = first.nextPageToken;
      while (token) {
        const page = await h.call('PollForDecisionTask', {
          domain: DOMAIN,
          taskList: { name: DECISIONS },
          maximumPageSize: 2,
          reverseOrder,
          nextPageToken: token,
        });
        expect(page.taskToken).to.equal(first.taskToken);
        ids.push(...page.events.map((e: { eventId: number }) => e.eventId));
        token = page.nextPageToken;
      }
      return { first, ids };
    };
    const forwards = await collect(false);
    expect(forwards.ids).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    await h.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'wf' });
    await h.start('wf');
    for (let i = 0; i < 4; i++) await signal(`s${i}`);
    const backwards = await collect(true);
    expect(backwards.ids).to.deep.equal([7, 6, 5, 4, 3, 2, 1]);
  });

  it('starts the history at the previous DecisionTaskStarted when startAtPreviousStartedEvent is set', async () => {
    await h.start('wf');
    await h.clock.advance(1); // DecisionTaskStarted (3) a second after the events before it
    await h.decide(await h.decisionTask(), []);
    await signal();
    const task = await h.decisionTask(DECISIONS, { startAtPreviousStartedEvent: true });
    expect(task.events!.map((e) => e.eventId)).to.deep.equal([3, 4, 5, 6, 7]);
    expect(task.previousStartedEventId).to.equal(3);
  });

  it('includes the events recorded in the same instant as the previous DecisionTaskStarted, as SWF compares timestamps', async () => {
    await h.start('wf');
    await h.decide(await h.decisionTask(), []);
    await h.clock.advance(1);
    await signal();
    const task = await h.decisionTask(DECISIONS, { startAtPreviousStartedEvent: true });
    expect(task.events!.map((e) => e.eventId)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses a stale or forged task token with UnknownResourceFault', async () => {
    await h.start('wf');
    const task = await h.decisionTask();
    await h.decide(task, []);
    const stale = await faultOf(h.decide(task, []));
    expect(stale.type).to.equal('UnknownResourceFault');
    expect(stale.message).to.contain('decision task token');
    const forged = await faultOf(h.call('RespondDecisionTaskCompleted', { taskToken: 'AAAA' }));
    expect(forged.type).to.equal('UnknownResourceFault');
    const missing = await faultOf(h.call('RespondDecisionTaskCompleted', {}));
    expect(missing.type).to.equal('ValidationException');
    expect(missing.message).to.contain("at 'taskToken'");
  });

  it('answers a malformed response with ValidationException naming the decision, and changes nothing', async () => {
    const runId = await h.start('wf');
    const task = await h.decisionTask();
    const before = await h.history('wf', runId);
    const noAttributes = await faultOf(h.decide(task, [scheduleActivity('a1'), { decisionType: 'StartTimer' }]));
    expect(noAttributes.type).to.equal('ValidationException');
    expect(noAttributes.message).to.contain("at 'decisions.2.member.startTimerDecisionAttributes'");
    const badTimeout = await faultOf(
      h.decide(task, [{ decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't', startToFireTimeout: 'soon' } }]),
    );
    expect(badTimeout.message).to.contain("at 'decisions.1.member.startTimerDecisionAttributes.startToFireTimeout'");
    const badType = await faultOf(h.decide(task, [{ decisionType: 'Explode' as never }]));
    expect(badType.message).to.contain("at 'decisions.1.member.decisionType'");
    const notLast = await faultOf(h.decide(task, [complete(), scheduleActivity('a1')]));
    expect(notLast.message).to.contain('Close must be last decision in list');
    const tooMany = await faultOf(
      h.decide(
        task,
        Array.from({ length: 101 }, (_, i) => scheduleActivity(`a${i}`)),
      ),
    );
    expect(tooMany.message).to.contain('less than or equal to 100');
    expect(await h.history('wf', runId)).to.deep.equal(before);
    await h.decide(task, [complete()]);
  });

  it('fails a closing decision with UNHANDLED_DECISION when events arrived during the task, and schedules another', async () => {
    const runId = await h.start('wf');
    const task = await h.decisionTask();
    await signal();
    await h.decide(task, [complete()]);
    const events = await h.history('wf', runId);
    expect(events.slice(-3).map((e) => e.eventType)).to.deep.equal([
      'DecisionTaskCompleted',
      'CompleteWorkflowExecutionFailed',
      'DecisionTaskScheduled',
    ]);
    expect(last(events, 'CompleteWorkflowExecutionFailed').completeWorkflowExecutionFailedEventAttributes).to.deep.equal({
      cause: 'UNHANDLED_DECISION',
      decisionTaskCompletedEventId: 5,
    });
    await h.decide(await h.decisionTask(), [complete('"done"')]);
    expect((await h.describe('wf', runId)).executionInfo.closeStatus).to.equal('COMPLETED');
  });

  it('times a started decision task out after taskStartToCloseTimeout and schedules a fresh one', async () => {
    const runId = await h.start('wf');
    const task = await h.decisionTask();
    await h.clock.advance(30);
    const events = await h.history('wf', runId);
    expect(events.slice(-2).map((e) => e.eventType)).to.deep.equal(['DecisionTaskTimedOut', 'DecisionTaskScheduled']);
    expect(last(events, 'DecisionTaskTimedOut').decisionTaskTimedOutEventAttributes).to.deep.equal({
      timeoutType: 'START_TO_CLOSE',
      scheduledEventId: 2,
      startedEventId: 3,
    });
    expect((await faultOf(h.decide(task, []))).type).to.equal('UnknownResourceFault');
    const retry = await h.decisionTask();
    expect(retry.previousStartedEventId).to.equal(0, 'a timed-out task was never processed');
  });

  it('reverts a temporary task list override whose decision task is not started in time (SCHEDULE_TO_START)', async () => {
    const runId = await h.start('wf');
    await h.decide(await h.decisionTask(), [], { taskList: { name: 'sticky' }, taskListScheduleToStartTimeout: '5' });
    await signal();
    let events = await h.history('wf', runId);
    expect(last(events, 'DecisionTaskScheduled').decisionTaskScheduledEventAttributes).to.deep.include({
      taskList: { name: 'sticky' },
      scheduleToStartTimeout: '5',
    });
    await h.clock.advance(5);
    events = await h.history('wf', runId);
    expect(last(events, 'DecisionTaskCompleted').decisionTaskCompletedEventAttributes).to.include({ taskListScheduleToStartTimeout: '5' });
    expect(last(events, 'DecisionTaskTimedOut').decisionTaskTimedOutEventAttributes).to.deep.equal({
      timeoutType: 'SCHEDULE_TO_START',
      scheduledEventId: 6,
      startedEventId: 0,
    });
    expect(last(events, 'DecisionTaskScheduled').decisionTaskScheduledEventAttributes!.taskList).to.deep.equal({ name: DECISIONS });
    const pending = (taskList: string) => h.call('CountPendingDecisionTasks', { domain: DOMAIN, taskList: { name: taskList } });
    expect((await pending('sticky')).count).to.equal(0);
    expect((await h.decisionTask()).workflowExecution!.workflowId).to.equal('wf');
  });

  it('keeps a task list override without a timeout for good', async () => {
    const runId = await h.start('wf');
    await h.decide(await h.decisionTask(), [], { taskList: { name: 'moved' } });
    await signal();
    expect((await h.describe('wf', runId)).executionConfiguration.taskList).to.deep.equal({ name: 'moved' });
    const task = await h.decisionTask('moved');
    await h.clock.advance(30);
    expect(last(await h.history('wf', runId), 'DecisionTaskScheduled').decisionTaskScheduledEventAttributes!.taskList).to.deep.equal({
      name: 'moved',
    });
    expect(task.taskToken).to.be.a('string');
  });
});
