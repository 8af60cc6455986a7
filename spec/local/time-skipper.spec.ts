import { expect } from 'chai';
import { TimeSkipper } from '../../lib/local/time-skipper';
import { complete, DOMAIN, Harness, scheduleActivity, type WireDecisionTask } from './support/backend-harness';

describe('TimeSkipper', () => {
  let h: Harness;
  let skipper: TimeSkipper;
  beforeEach(async () => {
    h = await Harness.create();
    skipper = new TimeSkipper(h.backend, h.clock, { checkEveryMs: 1 }).start();
  });
  afterEach(async () => {
    skipper.stop();
    await h.backend.close();
  });

  const nextDecision = (): Promise<WireDecisionTask> => h.call('PollForDecisionTask', { domain: DOMAIN, taskList: { name: 'deciders' } });

  it('skips a day-long timer as soon as the service is idle', async () => {
    const runId = await h.start('wf', { executionStartToCloseTimeout: '172800' });
    const start = h.clock.now();
    await h.decide(await nextDecision(), [
      { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 'day', startToFireTimeout: '86400' } },
    ]);
    const fired = await nextDecision();
    expect(fired.events!.map((e) => e.eventType)).to.include('TimerFired');
    expect(h.clock.now() - start).to.equal(86_400_000);
    await h.decide(fired, [complete()]);
    expect((await h.describe('wf', runId)).executionInfo.closeStatus).to.equal('COMPLETED');
  });

  it('does not skip over long-poll expiry, and stands still while an activity is open', async () => {
    const runId = await h.start('wf');
    const start = h.clock.now();
    await h.decide(await nextDecision(), [
      scheduleActivity('a1'),
      { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't', startToFireTimeout: '10' } },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(h.clock.now()).to.equal(start, 'an open activity holds time still');
    const task = await h.activityTask();
    await h.call('RespondActivityTaskCompleted', { taskToken: task.taskToken });
    await h.decide(await nextDecision(), []);
    const fired = await nextDecision();
    expect(fired.events!.slice(-3).map((e) => e.eventType)).to.deep.equal(['TimerFired', 'DecisionTaskScheduled', 'DecisionTaskStarted']);
    expect(h.clock.now() - start).to.equal(10_000, 'time jumped to the timer, not to a 60 s long-poll expiry');
    expect(skipper.skips).to.be.greaterThan(0);
    expect((await h.history('wf', runId)).length).to.be.greaterThan(0);
  });
});
