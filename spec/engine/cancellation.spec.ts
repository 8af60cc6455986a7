import { expect } from 'chai';
import {
  Activity,
  CancelledFailure,
  ChildWorkflow,
  Lambda,
  NondeterminismError,
  Workflow,
  WorkflowContext,
  type ActivityCall,
  type ChildWorkflowCall,
  type LambdaCall,
} from '../../index';
import { WorkflowExecution, decide, replayHistory } from '../../engine';
import { HistoryBuilder, decisionTypes } from '../helpers';

@Workflow('Sleeper', '1')
class Sleeper {
  constructor(private readonly flow: WorkflowContext) {}
  async run(seconds: number): Promise<string> {
    await this.flow.sleep(seconds);
    return `slept ${seconds}`;
  }
}

@Workflow('Tidy', '1')
class Tidy {
  @Lambda('work') work!: LambdaCall<string, string>;
  @Lambda('cleanup') cleanup!: LambdaCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(job: string): Promise<string> {
    try {
      return await this.work(job);
    } catch (error) {
      if (!(error instanceof CancelledFailure && this.flow.isCancelRequested)) throw error;
      return `cleaned up after ${await this.cleanup(job)}`;
    }
  }
}

/** Two activities and a child between them, all awaited together. */
@Workflow('Fanout', '1')
class Fanout {
  @Activity({ name: 'work', version: '1' }) work!: ActivityCall<string, string>;
  @ChildWorkflow({ name: 'Sub', version: '1' }) sub!: ChildWorkflowCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(): Promise<string[]> {
    return this.flow.all(this.work('a'), this.sub('c'), this.work('b'));
  }
}

/** Starts an activity it does not await, then sleeps: cancellation ends the sleep at once. */
@Workflow('Sidecar', '1')
class Sidecar {
  @Activity({ name: 'work', version: '1' }) work!: ActivityCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(): Promise<string> {
    void this.work('background');
    await this.flow.sleep(3600);
    return 'woke';
  }
}

/** Waits for one activity; after a cancellation it runs a cleanup activity and completes. */
@Workflow('Janitor', '1')
class Janitor {
  @Activity({ name: 'work', version: '1' }) work!: ActivityCall<string, string>;
  @Activity({ name: 'cleanup', version: '1' }) cleanup!: ActivityCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(job: string): Promise<string> {
    try {
      return await this.work(job);
    } catch (error) {
      if (!(error instanceof CancelledFailure && this.flow.isCancelRequested)) throw error;
      return `cleaned up after ${error.callId}: ${await this.cleanup(job)}`;
    }
  }
}

const type = (name: string) => ({ workflowType: { name, version: '1' } });
const child = 'test-workflow-child1';

/** Fanout with its three calls started, then asked to cancel. */
async function cancelledFanout(): Promise<{ h: HistoryBuilder; decisions: Awaited<ReturnType<typeof decide>>['decisions'] }> {
  const h = HistoryBuilder.start(undefined, type('Fanout')).decisionTask();
  h.completed((await decide(Fanout, h.task())).decisions);
  h.activityStarted('activity1').childStarted(child).activityStarted('activity2').cancelRequested().decisionTask();
  return { h, decisions: (await decide(Fanout, h.task())).decisions };
}

describe('Cancellation requests', () => {
  it('cancel the timers the workflow waits on and close it as canceled when it lets the failure escape', async () => {
    const h = HistoryBuilder.start(3600, type('Sleeper')).decisionTask();
    const first = await decide(Sleeper, h.task());
    h.completed(first.decisions).cancelRequested().decisionTask();
    const second = await decide(Sleeper, h.task());
    expect(second.decisions).to.deep.equal([
      { decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: 'timer1' } },
      {
        decisionType: 'CancelWorkflowExecution',
        cancelWorkflowExecutionDecisionAttributes: { details: 'timer1 was cancelled (event 6).' },
      },
    ]);
    expect(second.status).to.equal('canceled');
    h.completed(second.decisions);
    expect(h.events.slice(-2).map((e) => e.eventType)).to.deep.equal(['TimerCanceled', 'WorkflowExecutionCanceled']);
    expect((await replayHistory(Sleeper, h.events)).status).to.equal('closed');
  });

  it('cancel a timer whose start SWF records only after the request (it arrived while that decision task ran)', async () => {
    const h = HistoryBuilder.start(3600, type('Sleeper')).decisionTask();
    const first = await decide(Sleeper, h.task());
    h.cancelRequested().completed(first.decisions).decisionTask();
    const second = await decide(Sleeper, h.task());
    expect(decisionTypes(second.decisions)).to.deep.equal(['CancelTimer', 'CancelWorkflowExecution']);
  });

  it('let a workflow that catches the cancellation clean up and complete', async () => {
    const h = HistoryBuilder.start('job-1', type('Tidy')).decisionTask();
    const first = await decide(Tidy, h.task());
    h.completed(first.decisions).lambdaStarted('lambda1').cancelRequested().decisionTask();
    const second = await decide(Tidy, h.task());
    expect(decisionTypes(second.decisions)).to.deep.equal(['ScheduleLambdaFunction']);
    expect(second.decisions[0].scheduleLambdaFunctionDecisionAttributes).to.include({ id: 'lambda2', name: 'cleanup' });
    // The first Lambda still finishes (SWF cannot take it back); the workflow no longer waits for it.
    h.completed(second.decisions)
      .lambdaCompleted('lambda1', 'late')
      .lambdaStarted('lambda2')
      .lambdaCompleted('lambda2', 'job-1')
      .decisionTask();
    const third = await decide(Tidy, h.task());
    expect(third.decisions).to.deep.equal([
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"cleaned up after job-1"' } },
    ]);
  });

  it('ask every open activity and child to cancel, in creation order, and close once they report canceled', async () => {
    const { h, decisions } = await cancelledFanout();
    expect(decisions).to.deep.equal([
      { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'activity1' } },
      {
        decisionType: 'RequestCancelExternalWorkflowExecution',
        requestCancelExternalWorkflowExecutionDecisionAttributes: { workflowId: child, runId: `${child}-run` },
      },
      { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'activity2' } },
    ]);
    h.completed(decisions).childCancelRequested(child).activityCanceled('activity2', 'stopped').decisionTask();
    const third = await decide(Fanout, h.task());
    const canceledAt = h.lastEventId - 2;
    expect(third.decisions).to.deep.equal([
      {
        decisionType: 'CancelWorkflowExecution',
        cancelWorkflowExecutionDecisionAttributes: { details: `activity2 was cancelled (event ${canceledAt}).` },
      },
    ]);
    h.completed(third.decisions);
    expect((await replayHistory(Fanout, h.events)).status).to.equal('closed');
  });

  it('check the recorded cancel requests on replay: another order is nondeterminism', async () => {
    const { h, decisions } = await cancelledFanout();
    h.completed([decisions[1], decisions[0], decisions[2]]);
    const error = await replayHistory(Fanout, h.events).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NondeterminismError);
    expect((error as NondeterminismError).message).to.contain('RequestCancelExternalWorkflowExecution');
  });

  it('send the cancel requests before the close decision when the workflow closes at once', async () => {
    const h = HistoryBuilder.start(undefined, type('Sidecar')).decisionTask();
    h.completed((await decide(Sidecar, h.task())).decisions)
      .activityStarted('activity1')
      .cancelRequested()
      .decisionTask();
    const second = await decide(Sidecar, h.task());
    expect(decisionTypes(second.decisions)).to.deep.equal(['RequestCancelActivityTask', 'CancelTimer', 'CancelWorkflowExecution']);
    h.completed(second.decisions);
    expect((await replayHistory(Sidecar, h.events)).status).to.equal('closed');
  });

  it('ask nothing of an activity that completed in the same activation, and let the workflow take its result', async () => {
    const h = HistoryBuilder.start('job-2', type('Janitor')).decisionTask();
    h.completed((await decide(Janitor, h.task())).decisions).activityStarted('activity1');
    h.cancelRequested().activityCompleted('activity1', 'done anyway').decisionTask();
    const second = await decide(Janitor, h.task());
    expect(second.decisions).to.deep.equal([
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"done anyway"' } },
    ]);
  });

  it('let a workflow catch the CancelledFailure of its activity and clean up with a new one', async () => {
    const h = HistoryBuilder.start('job-3', type('Janitor')).decisionTask();
    h.completed((await decide(Janitor, h.task())).decisions)
      .activityStarted('activity1')
      .cancelRequested()
      .decisionTask();
    const second = await decide(Janitor, h.task());
    expect(decisionTypes(second.decisions)).to.deep.equal(['RequestCancelActivityTask']);
    h.completed(second.decisions).activityCanceled('activity1').decisionTask();
    const third = await decide(Janitor, h.task());
    expect(decisionTypes(third.decisions)).to.deep.equal(['ScheduleActivityTask']);
    expect(third.decisions[0].scheduleActivityTaskDecisionAttributes).to.deep.include({
      activityId: 'activity2',
      activityType: { name: 'cleanup', version: '1' },
    });
    h.completed(third.decisions).activityStarted('activity2').activityCompleted('activity2', 'swept').decisionTask();
    const fourth = await decide(Janitor, h.task());
    expect(fourth.decisions).to.deep.equal([
      {
        decisionType: 'CompleteWorkflowExecution',
        completeWorkflowExecutionDecisionAttributes: { result: '"cleaned up after activity1: swept"' },
      },
    ]);
  });

  it('carry on when SWF no longer knows the activity: its result arrived while the request was on its way', async () => {
    const h = HistoryBuilder.start('job-4', type('Janitor')).decisionTask();
    h.completed((await decide(Janitor, h.task())).decisions)
      .activityStarted('activity1')
      .cancelRequested()
      .decisionTask();
    const second = await decide(Janitor, h.task());
    h.activityCompleted('activity1', 'finished first').completedWith(second.decisions, { 0: 'ACTIVITY_ID_UNKNOWN' }).decisionTask();
    expect(h.events.at(-3)?.eventType).to.equal('RequestCancelActivityTaskFailed');
    const third = await decide(Janitor, h.task());
    expect(third.decisions[0].completeWorkflowExecutionDecisionAttributes).to.deep.equal({ result: '"finished first"' });
    h.completed(third.decisions);
    expect((await replayHistory(Janitor, h.events)).status).to.equal('closed');
  });

  it('carry on when SWF cannot find the child to cancel, before or after initiating the request', async () => {
    for (const fail of ['initiated', 'refused'] as const) {
      const { h, decisions } = await cancelledFanout();
      h.childCompleted(child, 'C');
      if (fail === 'initiated') h.completed(decisions).childCancelFailed(child);
      else h.completedWith(decisions, { 1: 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION' });
      h.activityCompleted('activity1', 'A').activityCompleted('activity2', 'B').decisionTask();
      const last = await decide(Fanout, h.task());
      expect(last.decisions[0].completeWorkflowExecutionDecisionAttributes, fail).to.deep.equal({ result: '["A","C","B"]' });
      h.completed(last.decisions);
      expect((await replayHistory(Fanout, h.events)).status, fail).to.equal('closed');
    }
  });

  it('decide the close again when SWF refused it for events that arrived meanwhile (UNHANDLED_DECISION)', async () => {
    const h = HistoryBuilder.start(3600, type('Sleeper')).decisionTask();
    const execution = WorkflowExecution.start(Sleeper, { workflowId: 'test-workflow', runId: 'test-run' });
    h.completed((await execution.decide(h.task())).decisions)
      .cancelRequested()
      .decisionTask();
    const second = await execution.decide(h.task());
    h.signaled('late').completedWith(second.decisions, { 1: 'UNHANDLED_DECISION' }).decisionTask();
    expect(h.events.at(-3)?.eventType).to.equal('CancelWorkflowExecutionFailed');
    for (const third of [await execution.decide(h.task()), await decide(Sleeper, h.task())]) {
      expect(third.decisions).to.deep.equal([second.decisions[1]]);
      expect(third.status).to.equal('canceled');
    }
    h.completed([second.decisions[1]]);
    expect((await replayHistory(Sleeper, h.events)).status).to.equal('closed');
  });
});
