import { expect } from 'chai';
import { settle } from '../../lib/local/manual-clock';
import { LocalSwfBackend } from '../../lib/local/swf-backend';
import { ACTIVITIES, complete, DECISIONS, DOMAIN, faultOf, Harness, last, scheduleActivity } from './support/backend-harness';

describe('LocalSwfBackend', () => {
  let h: Harness;
  beforeEach(async () => (h = await Harness.create()));
  afterEach(() => h.backend.close());

  it('understands all 39 actions of @aws-sdk/client-swf', () => {
    expect(LocalSwfBackend.actions).to.have.length(39);
  });

  it('rejects an unknown action with UnknownOperationException naming it', async () => {
    const fault = await faultOf(h.call('FlyToTheMoon', {}));
    expect(fault.type).to.equal('UnknownOperationException');
    expect(fault.message).to.contain('FlyToTheMoon');
  });

  it('runs a workflow with one activity from start to completion', async () => {
    const runId = await h.start('wf-1', { input: '"hello"' });
    const first = await h.decisionTask();
    expect(first.events!.map((e) => e.eventType)).to.deep.equal([
      'WorkflowExecutionStarted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
    ]);
    expect(first.previousStartedEventId).to.equal(0);
    expect(first.startedEventId).to.equal(3);
    await h.decide(first, [scheduleActivity('a1')]);

    const task = await h.activityTask();
    expect(task.activityId).to.equal('a1');
    expect(task.input).to.equal('"in"');
    await h.call('RespondActivityTaskCompleted', { taskToken: task.taskToken, result: '"done"' });

    const second = await h.decisionTask();
    expect(second.previousStartedEventId).to.equal(3);
    await h.decide(second, [complete('"ok"')]);

    const events = await h.history('wf-1', runId);
    expect(events.map((e) => e.eventType)).to.deep.equal([
      'WorkflowExecutionStarted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
      'DecisionTaskCompleted',
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskCompleted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
      'DecisionTaskCompleted',
      'WorkflowExecutionCompleted',
    ]);
    const scheduled = last(events, 'ActivityTaskScheduled').activityTaskScheduledEventAttributes!;
    expect(scheduled).to.include({
      scheduleToStartTimeout: '100',
      scheduleToCloseTimeout: '600',
      startToCloseTimeout: '300',
      heartbeatTimeout: 'NONE',
      decisionTaskCompletedEventId: 4,
    });
    expect(scheduled.taskList).to.deep.equal({ name: ACTIVITIES });
    const described = await h.describe('wf-1', runId);
    expect(described.executionInfo).to.include({ executionStatus: 'CLOSED', closeStatus: 'COMPLETED' });
    expect(events[0].workflowExecutionStartedEventAttributes).to.deep.include({
      taskList: { name: DECISIONS },
      childPolicy: 'TERMINATE',
      executionStartToCloseTimeout: '3600',
      taskStartToCloseTimeout: '30',
    });
    expect(events[0].eventTimestamp).to.equal(h.clock.now() / 1000);
    expect(DOMAIN).to.equal('spec-domain');
  });
});

describe('LocalSwfBackend.close', () => {
  it('answers pending long polls empty, stops the timers and refuses later calls', async () => {
    const h = await Harness.create();
    await h.start('wf');
    await h.decide(await h.decisionTask(), [scheduleActivity('other', { taskList: { name: 'elsewhere' } })]);
    const decisionPoll = h.call('PollForDecisionTask', { domain: DOMAIN, taskList: { name: DECISIONS } });
    const activityPoll = h.call('PollForActivityTask', { domain: DOMAIN, taskList: { name: ACTIVITIES } });
    await h.backend.close();
    expect(await decisionPoll).to.deep.equal({ startedEventId: 0, previousStartedEventId: 0 });
    expect(await activityPoll).to.deep.equal({ startedEventId: 0 });
    expect(h.clock.pendingCount()).to.equal(0);
    const fault = await faultOf(h.call('ListDomains', { registrationStatus: 'REGISTERED' }));
    expect(fault.statusCode).to.equal(503);
  });

  it('aborts Lambda calls still running', async () => {
    const h = await Harness.create();
    let signal: AbortSignal | undefined;
    h.lambdas.register('slow', () => new Promise(() => undefined));
    const invoke = h.lambdas.invoke.bind(h.lambdas);
    h.lambdas.invoke = (call) => ((signal = call.signal), invoke(call));
    await h.start('wf', { lambdaRole: 'role' });
    await h.decide(await h.decisionTask(), [
      { decisionType: 'ScheduleLambdaFunction', scheduleLambdaFunctionDecisionAttributes: { id: 'l', name: 'slow' } },
    ]);
    await settle();
    expect(signal?.aborted).to.equal(false);
    await h.backend.close();
    expect(signal?.aborted).to.equal(true);
  });

  it('keeps its state safe from callers that mutate a response', async () => {
    const h = await Harness.create();
    const runId = await h.start('wf');
    const events = await h.history('wf', runId);
    events[0].eventType = 'Tampered' as never;
    expect((await h.history('wf', runId))[0].eventType).to.equal('WorkflowExecutionStarted');
    await h.backend.close();
  });
});
