import { expect } from 'chai';
import { ACTIVITIES, DOMAIN, Harness, scheduleActivity } from '../support/backend-harness';

describe('LocalSwfBackend under load', () => {
  it('hands each of 10,000 activity tasks out exactly once to 50 concurrent pollers', async () => {
    const h = await Harness.create();
    const EXECUTIONS = 100;
    const PER_EXECUTION = 100;
    const TOTAL = EXECUTIONS * PER_EXECUTION;
    const handedOut = new Map<string, number>();
    let allSeen: () => void = () => undefined;
    const everyTaskSeen = new Promise<void>((resolve) => (allSeen = resolve));

    const poller = async (): Promise<number> => {
      let mine = 0;
      for (;;) {
        const task = await h.call('PollForActivityTask', { domain: DOMAIN, taskList: { name: ACTIVITIES }, identity: 'p' });
        if (!task.taskToken) return mine;
        mine++;
        const key = `${task.workflowExecution.runId}/${task.activityId}`;
        handedOut.set(key, (handedOut.get(key) ?? 0) + 1);
        await h.call('RespondActivityTaskCompleted', { taskToken: task.taskToken, result: key });
        if (handedOut.size === TOTAL) allSeen();
      }
    };
    const pollers = Array.from({ length: 50 }, () => poller());

    const runIds: string[] = [];
    for (let e = 0; e < EXECUTIONS; e++) {
      // A decision list per execution, so each first task is that execution's.
      runIds.push(await h.start(`load-${e}`, { taskList: { name: `load-${e}` } }));
      const task = await h.decisionTask(`load-${e}`);
      await h.decide(
        task,
        Array.from({ length: PER_EXECUTION }, (_, i) => scheduleActivity(`a${i}`)),
      );
    }
    await everyTaskSeen;
    const completed = await Promise.all(
      runIds.map(async (runId, e) => (await h.history(`load-${e}`, runId)).filter((ev) => ev.eventType === 'ActivityTaskCompleted').length),
    );
    await h.backend.close();
    const perPoller = await Promise.all(pollers);

    expect(handedOut.size).to.equal(TOTAL);
    expect(
      [...handedOut.values()].every((n) => n === 1),
      'no task handed out twice',
    ).to.equal(true);
    expect(perPoller.reduce((a, b) => a + b, 0)).to.equal(TOTAL);
    expect(perPoller.filter((n) => n > 0)).to.have.length(50, 'every poller got work');
    expect(completed.every((n) => n === PER_EXECUTION)).to.equal(true);
  });
});
