import { expect } from 'chai';
import { WorkflowExecution, decide } from '../../engine';
import { Steps } from '../fixtures/workflows';
import { sequentialHistory } from '../helpers';

describe('Large histories', () => {
  it('decides a 10,000-event history: completes with the sum of 1,666 sequential results', async () => {
    const h = sequentialHistory(1_666);
    expect(h.lastEventId).to.be.at.least(10_000 - 6);
    const result = await decide(Steps, h.task());
    expect(result.eventsReplayed).to.equal(h.lastEventId);
    expect(result.activations).to.equal(1_667);
    // Each step returned twice its 1-based position.
    expect(result.decisions).to.deep.equal([
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: String(1_666 * 1_667) } },
    ]);
  });

  it('decides the next step of a 10,000-event history of parallel batches, and a kept execution agrees', async () => {
    const h = sequentialHistory(3_000, 10);
    expect(h.lastEventId).to.be.greaterThan(9_000);
    const task = h.task();
    // The task before the last: the decider has yet to schedule the last batch.
    const lastStarted = task.previousStartedEventId!;
    const partial = {
      ...task,
      events: task.events!.slice(0, lastStarted),
      startedEventId: lastStarted,
      previousStartedEventId: lastStarted - 33,
    }; // 33 events per batch of 10
    const full = await decide(Steps, partial);
    expect(full.decisions.map((d) => d.scheduleLambdaFunctionDecisionAttributes!.id)).to.deep.equal(
      Array.from({ length: 10 }, (_, i) => `lambda${2_991 + i}`),
    );
    const kept = WorkflowExecution.start(Steps, { workflowId: 'test-workflow', runId: 'test-run' });
    expect((await kept.decide(partial)).decisions).to.deep.equal(full.decisions);
    const next = await kept.decide(task);
    expect(next.eventsReplayed).to.equal(h.lastEventId - lastStarted);
    expect(next.decisions).to.deep.equal((await decide(Steps, task)).decisions);
    expect(next.status).to.equal('completed');
  });
});
