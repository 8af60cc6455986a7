import { expect } from 'chai';
import { CancelledFailure, Lambda, Workflow, WorkflowContext, decide, replayHistory, type LambdaCall } from '../../index';
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

describe('Cancellation requests', () => {
  it('cancel the timers the workflow waits on and close it as canceled when it lets the failure escape', async () => {
    const h = HistoryBuilder.start(3600, { workflowType: { name: 'Sleeper', version: '1' } }).decisionTask();
    const first = await decide(Sleeper, h.task());
    h.completed(first.decisions).cancelRequested().decisionTask();
    const second = await decide(Sleeper, h.task());
    expect(second.decisions).to.deep.equal([
      { decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: 'timer1' } },
      { decisionType: 'CancelWorkflowExecution', cancelWorkflowExecutionDecisionAttributes: { details: 'timer1 was cancelled.' } },
    ]);
    expect(second.status).to.equal('canceled');
    h.completed(second.decisions);
    expect(h.events.slice(-2).map((e) => e.eventType)).to.deep.equal(['TimerCanceled', 'WorkflowExecutionCanceled']);
    expect((await replayHistory(Sleeper, h.events)).status).to.equal('closed');
  });

  it('let a workflow that catches the cancellation clean up and complete', async () => {
    const h = HistoryBuilder.start('job-1', { workflowType: { name: 'Tidy', version: '1' } }).decisionTask();
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
});
