import { expect } from 'chai';
import {
  Activity,
  CancelledFailure,
  ChildWorkflow,
  Workflow,
  WorkflowContext,
  type ActivityCall,
  type CancellableCall,
  type ChildWorkflowCall,
} from '../../index';
import { decide, replayHistory } from '../../engine';
import { HistoryBuilder, decisionTypes } from '../helpers';

/** Starts an upload and a child, sleeps, then cancels what its input names (twice: the second does nothing). */
@Workflow('Impatient', '1')
class Impatient {
  @Activity({ name: 'upload', version: '1' }, { heartbeatTimeout: 10 }) upload!: ActivityCall<string, string>;
  @ChildWorkflow({ name: 'Convert', version: '1' }) convert!: ChildWorkflowCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(target: 'upload' | 'convert' | 'at-once'): Promise<string> {
    const calls: Record<string, CancellableCall<string>> = { upload: this.upload('file'), convert: this.convert('file') };
    if (target === 'at-once') {
      calls.upload.cancel();
      return outcome(calls.upload);
    }
    await this.flow.sleep(10);
    calls[target].cancel();
    calls[target].cancel();
    return outcome(calls[target]);
  }
}

async function outcome(call: Promise<string>): Promise<string> {
  try {
    return `finished: ${await call}`;
  } catch (error) {
    if (!(error instanceof CancelledFailure)) throw error;
    return `cancelled ${error.callId} at event ${error.eventId}`;
  }
}

const child = 'test-workflow-child1';

/** Impatient with its upload and child started (the child started only with `childStarts`), at the cancel. */
async function atTheCancel(target: 'upload' | 'convert', childStarts = true) {
  const h = HistoryBuilder.start(target, { workflowType: { name: 'Impatient', version: '1' } }).decisionTask();
  const first = await decide(Impatient, h.task());
  expect(decisionTypes(first.decisions)).to.deep.equal(['ScheduleActivityTask', 'StartChildWorkflowExecution', 'StartTimer']);
  h.completed(first.decisions).activityStarted('activity1');
  if (childStarts) h.childStarted(child);
  h.wait(10).timerFired('timer1').decisionTask();
  return { h, second: await decide(Impatient, h.task()) };
}

describe('cancel() on an activity or child future', () => {
  it('asks SWF to cancel the activity and rejects with CancelledFailure once SWF reports it canceled', async () => {
    const { h, second } = await atTheCancel('upload');
    expect(second.decisions).to.deep.equal([
      { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'activity1' } },
    ]);
    h.completed(second.decisions).activityCanceled('activity1').decisionTask();
    const third = await decide(Impatient, h.task());
    const canceledAt = h.lastEventId - 2;
    expect(third.decisions[0].completeWorkflowExecutionDecisionAttributes).to.deep.equal({
      result: JSON.stringify(`cancelled activity1 at event ${canceledAt}`),
    });
    h.completed(third.decisions);
    expect((await replayHistory(Impatient, h.events)).status).to.equal('closed');
  });

  it('resolves with the result when the activity finishes before it hears of the cancellation', async () => {
    const { h, second } = await atTheCancel('upload');
    h.completed(second.decisions).activityCompleted('activity1', 'uploaded').decisionTask();
    const third = await decide(Impatient, h.task());
    expect(third.decisions[0].completeWorkflowExecutionDecisionAttributes).to.deep.equal({ result: '"finished: uploaded"' });
  });

  it('asks SWF to cancel the child by workflow id and run id, and rejects once the child closed as canceled', async () => {
    const { h, second } = await atTheCancel('convert');
    expect(second.decisions).to.deep.equal([
      {
        decisionType: 'RequestCancelExternalWorkflowExecution',
        requestCancelExternalWorkflowExecutionDecisionAttributes: { workflowId: child, runId: `${child}-run` },
      },
    ]);
    h.completed(second.decisions).childCancelRequested(child).decisionTask();
    expect((await decide(Impatient, h.task())).decisions).to.deep.equal([]);
    h.completed([]).childCanceled(child).decisionTask();
    const fourth = await decide(Impatient, h.task());
    expect(fourth.decisions[0].completeWorkflowExecutionDecisionAttributes).to.deep.equal({
      result: JSON.stringify(`cancelled ${child} at event ${h.lastEventId - 2}`),
    });
    h.completed(fourth.decisions);
    expect((await replayHistory(Impatient, h.events)).status).to.equal('closed');
  });

  it('waits for SWF to report the child started before asking, so the request can name its run', async () => {
    const { h, second } = await atTheCancel('convert', false);
    expect(second.decisions).to.deep.equal([]);
    h.completed([]).childStarted(child).decisionTask();
    const third = await decide(Impatient, h.task());
    expect(third.decisions[0].requestCancelExternalWorkflowExecutionDecisionAttributes).to.deep.equal({
      workflowId: child,
      runId: `${child}-run`,
    });
    h.completed(third.decisions).childCancelRequested(child).childCanceled(child).decisionTask();
    h.completed((await decide(Impatient, h.task())).decisions);
    expect((await replayHistory(Impatient, h.events)).status).to.equal('closed');
  });

  it('drops a call cancelled before it was sent, and rejects it at once', async () => {
    const h = HistoryBuilder.start('at-once', { workflowType: { name: 'Impatient', version: '1' } }).decisionTask();
    const first = await decide(Impatient, h.task());
    expect(decisionTypes(first.decisions)).to.deep.equal(['StartChildWorkflowExecution', 'CompleteWorkflowExecution']);
    expect(first.decisions[1].completeWorkflowExecutionDecisionAttributes).to.deep.equal({ result: '"cancelled activity1 at event 0"' });
  });
});
