import { expect } from 'chai';
import { ACTIVITIES, DOMAIN, faultOf, Harness, last, scheduleActivity } from '../support/backend-harness';

describe('LocalSwfBackend activity tasks', () => {
  let h: Harness;
  let runId: string;
  beforeEach(async () => {
    h = await Harness.create();
    runId = await h.start('wf');
  });
  afterEach(() => h.backend.close());

  const schedule = async (...decisions: Parameters<typeof scheduleActivity>[]) =>
    h.decide(
      await h.decisionTask(),
      decisions.map((args) => scheduleActivity(...args)),
    );
  const poll = () => h.call('PollForActivityTask', { domain: DOMAIN, taskList: { name: ACTIVITIES }, identity: 'w' });

  it('wakes waiting pollers at once, longest-waiting first, each with its own task', async () => {
    const pollers = [poll(), poll(), poll()];
    await schedule(['a1'], ['a2'], ['a3']);
    const tasks = await Promise.all(pollers);
    expect(tasks.map((t) => t.activityId)).to.deep.equal(['a1', 'a2', 'a3']);
    expect(new Set(tasks.map((t) => t.taskToken)).size).to.equal(3);
    const started = last(await h.history('wf', runId), 'ActivityTaskStarted');
    expect(started.activityTaskStartedEventAttributes).to.deep.equal({ identity: 'w', scheduledEventId: 7 });
    expect((await h.eventTypes('wf', runId)).slice(4, 7)).to.deep.equal(Array(3).fill('ActivityTaskScheduled'));
  });

  it('hands out activity tasks of higher task priority first', async () => {
    await schedule(['normal'], ['urgent', { taskPriority: '100' }], ['later', { taskPriority: '-1' }]);
    const order = [await h.activityTask(), await h.activityTask(), await h.activityTask()].map((t) => t.activityId);
    expect(order).to.deep.equal(['urgent', 'normal', 'later']);
    const scheduled = (await h.history('wf', runId)).filter((e) => e.eventType === 'ActivityTaskScheduled');
    expect(scheduled.map((e) => e.activityTaskScheduledEventAttributes!.taskPriority)).to.deep.equal([undefined, '100', '-1']);
  });

  it('counts pending activity tasks and answers an empty poll after the long-poll timeout', async () => {
    await schedule(['a1'], ['a2']);
    const count = () => h.call('CountPendingActivityTasks', { domain: DOMAIN, taskList: { name: ACTIVITIES } });
    expect(await count()).to.deep.equal({ count: 2, truncated: false });
    await h.activityTask();
    await h.activityTask();
    expect((await count()).count).to.equal(0);
    const empty = poll();
    await h.clock.advance(60);
    expect(await empty).to.deep.equal({ startedEventId: 0 });
  });

  it('records completion, failure and cancellation with their attributes, and refuses the token afterwards', async () => {
    await schedule(['ok'], ['bad'], ['stop']);
    const [ok, bad, stop] = [await h.activityTask(), await h.activityTask(), await h.activityTask()];
    await h.call('RespondActivityTaskCompleted', { taskToken: ok.taskToken, result: 'r' });
    await h.call('RespondActivityTaskFailed', { taskToken: bad.taskToken, reason: 'why', details: 'how' });
    await h.call('RespondActivityTaskCanceled', { taskToken: stop.taskToken, details: 'bye' });
    const events = await h.history('wf', runId);
    expect(last(events, 'ActivityTaskCompleted').activityTaskCompletedEventAttributes).to.deep.equal({
      result: 'r',
      scheduledEventId: 5,
      startedEventId: 8,
    });
    expect(last(events, 'ActivityTaskFailed').activityTaskFailedEventAttributes).to.deep.equal({
      reason: 'why',
      details: 'how',
      scheduledEventId: 6,
      startedEventId: 9,
    });
    expect(last(events, 'ActivityTaskCanceled').activityTaskCanceledEventAttributes).to.deep.equal({
      details: 'bye',
      scheduledEventId: 7,
      startedEventId: 10,
    });
    for (const action of [
      'RespondActivityTaskCompleted',
      'RespondActivityTaskFailed',
      'RespondActivityTaskCanceled',
      'RecordActivityTaskHeartbeat',
    ]) {
      const fault = await faultOf(h.call(action, { taskToken: ok.taskToken }));
      expect(fault.type, action).to.equal('UnknownResourceFault');
    }
    const long = await faultOf(h.call('RespondActivityTaskFailed', { taskToken: ok.taskToken, reason: 'x'.repeat(257) }));
    expect(long.message).to.contain("at 'reason'");
  });

  it('tells a heartbeating worker that cancellation was requested', async () => {
    await schedule(['a1']);
    const task = await h.activityTask();
    expect(await h.call('RecordActivityTaskHeartbeat', { taskToken: task.taskToken, details: '10%' })).to.deep.equal({
      cancelRequested: false,
    });
    await h.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', signalName: 'stop' });
    await h.decide(await h.decisionTask(), [
      { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'a1' } },
    ]);
    expect(await h.call('RecordActivityTaskHeartbeat', { taskToken: task.taskToken })).to.deep.equal({ cancelRequested: true });
    await h.call('RespondActivityTaskCanceled', { taskToken: task.taskToken });
    const events = await h.history('wf', runId);
    const requested = last(events, 'ActivityTaskCancelRequested');
    expect(last(events, 'ActivityTaskCanceled').activityTaskCanceledEventAttributes).to.deep.equal({
      scheduledEventId: 5,
      startedEventId: 6,
      latestCancelRequestedEventId: requested.eventId,
    });
  });

  it('times out an activity nobody picks up (SCHEDULE_TO_START)', async () => {
    await schedule(['a1']);
    await h.clock.advance(99);
    expect((await h.describe('wf', runId)).openCounts.openActivityTasks).to.equal(1);
    await h.clock.advance(1);
    const timedOut = last(await h.history('wf', runId), 'ActivityTaskTimedOut');
    expect(timedOut.activityTaskTimedOutEventAttributes).to.deep.equal({
      timeoutType: 'SCHEDULE_TO_START',
      scheduledEventId: 5,
      startedEventId: 0,
    });
    expect((await h.call('CountPendingActivityTasks', { domain: DOMAIN, taskList: { name: ACTIVITIES } })).count).to.equal(0);
  });

  it('times out a started activity that does not finish (START_TO_CLOSE), and its token goes stale', async () => {
    await schedule(['a1']);
    const task = await h.activityTask();
    await h.clock.advance(300);
    const timedOut = last(await h.history('wf', runId), 'ActivityTaskTimedOut');
    expect(timedOut.activityTaskTimedOutEventAttributes).to.include({ timeoutType: 'START_TO_CLOSE', startedEventId: 6 });
    expect((await faultOf(h.call('RespondActivityTaskCompleted', { taskToken: task.taskToken }))).type).to.equal('UnknownResourceFault');
  });

  it('times out an activity that outlives its schedule-to-close timeout, with the last heartbeat details', async () => {
    await schedule(['a1', { startToCloseTimeout: '1000', scheduleToCloseTimeout: '150' }]);
    await h.clock.advance(40);
    const task = await h.activityTask();
    await h.call('RecordActivityTaskHeartbeat', { taskToken: task.taskToken, details: 'half' });
    await h.clock.advance(110);
    expect(last(await h.history('wf', runId), 'ActivityTaskTimedOut').activityTaskTimedOutEventAttributes).to.deep.equal({
      timeoutType: 'SCHEDULE_TO_CLOSE',
      scheduledEventId: 5,
      startedEventId: 6,
      details: 'half',
    });
  });

  it('times out an activity that stops heartbeating (HEARTBEAT), and not one that keeps going', async () => {
    await schedule(['a1', { heartbeatTimeout: '20' }]);
    const task = await h.activityTask();
    for (let i = 0; i < 5; i++) {
      await h.clock.advance(15);
      await h.call('RecordActivityTaskHeartbeat', { taskToken: task.taskToken });
    }
    expect((await h.describe('wf', runId)).openCounts.openActivityTasks).to.equal(1);
    await h.clock.advance(20);
    expect(last(await h.history('wf', runId), 'ActivityTaskTimedOut').activityTaskTimedOutEventAttributes).to.include({
      timeoutType: 'HEARTBEAT',
    });
  });

  it('never hands out a task whose execution closed while it was queued', async () => {
    await schedule(['a1']);
    await h.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'wf' });
    const polling = poll();
    await h.clock.advance(60);
    expect(await polling).to.deep.equal({ startedEventId: 0 });
  });
});
