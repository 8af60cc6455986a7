import { expect } from 'chai';
import { Lambda, PayloadTooLargeError, Workflow, WorkflowContext, WorkflowFailed, type LambdaCall } from '../../index';
import { WorkflowExecution, decide, replayHistory } from '../../engine';
import { HistoryBuilder, decisionTypes } from '../helpers';

@Workflow('FanOut', '1')
class FanOut {
  @Lambda('work') work!: LambdaCall<number, number>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(count: number): Promise<number> {
    const results = await this.flow.all(Array.from({ length: count }, (_, i) => this.work(i)));
    return results.reduce((a, b) => a + b, 0);
  }
}

@Workflow('Big', '1')
class Big {
  @Lambda('work') work!: LambdaCall<string, string>;
  async run(what: string): Promise<unknown> {
    if (what === 'input') {
      try {
        await this.work('x'.repeat(40_000));
        return 'sent';
      } catch (error) {
        return { caught: (error as Error).name, message: (error as Error).message };
      }
    }
    if (what === 'reason') throw new WorkflowFailed('r'.repeat(300), 'd'.repeat(40_000));
    return 'x'.repeat(40_000);
  }
}

/** Starts calls without awaiting them and completes at once: the outcome shares the response with them. */
@Workflow('FireAndForget', '1')
class FireAndForget {
  @Lambda('work') work!: LambdaCall<number, number>;
  async run(count: number): Promise<string> {
    for (let i = 0; i < count; i++) void this.work(i);
    return 'done';
  }
}

const fanOut = (count: number) => HistoryBuilder.start(count, { workflowType: { name: 'FanOut', version: '1' } }).decisionTask();
const big = (what: string) => HistoryBuilder.start(what, { workflowType: { name: 'Big', version: '1' } }).decisionTask();

describe('SWF limits', () => {
  it('splits 150 parallel calls into 99 and a zero-second timer, then the other 51', async () => {
    const h = fanOut(150);
    const kept = WorkflowExecution.start(FanOut, { workflowId: 'test-workflow', runId: 'test-run' });
    const first = await kept.decide(h.task());
    expect(first.decisions).to.have.length(100);
    expect(decisionTypes(first.decisions.slice(0, 99))).to.deep.equal(Array(99).fill('ScheduleLambdaFunction'));
    expect(first.decisions[98].scheduleLambdaFunctionDecisionAttributes!.id).to.equal('lambda99');
    expect(first.decisions[99]).to.deep.equal({
      decisionType: 'StartTimer',
      startTimerDecisionAttributes: { timerId: 'tsflow-continue-1', startToFireTimeout: '0' },
    });
    expect(first.carriedOver).to.equal(51);

    h.completed(first.decisions).timerFired('tsflow-continue-1').decisionTask();
    const second = await decide(FanOut, h.task());
    expect((await kept.decide(h.task())).decisions).to.deep.equal(second.decisions);
    expect(decisionTypes(second.decisions)).to.deep.equal(Array(51).fill('ScheduleLambdaFunction'));
    expect(second.decisions.map((d) => d.scheduleLambdaFunctionDecisionAttributes!.id)).to.deep.equal(
      Array.from({ length: 51 }, (_, i) => `lambda${100 + i}`),
    );
    expect(second.carriedOver).to.equal(0);

    h.completed(second.decisions);
    for (let i = 1; i <= 150; i++) h.lambdaStarted(`lambda${i}`).lambdaCompleted(`lambda${i}`, i - 1);
    h.decisionTask();
    const third = await decide(FanOut, h.task());
    expect(third.decisions).to.deep.equal([
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: String((149 * 150) / 2) } },
    ]);
    h.completed(third.decisions);
    expect((await replayHistory(FanOut, h.events)).status).to.equal('closed');
  });

  it('sends exactly 100 decisions without a timer when they fit', async () => {
    const hundred = await decide(FanOut, fanOut(100).task());
    expect(hundred.decisions).to.have.length(100);
    expect(decisionTypes(hundred.decisions)).not.to.include('StartTimer');
    const start = (count: number) => HistoryBuilder.start(count, { workflowType: { name: 'FireAndForget', version: '1' } }).decisionTask();
    const withOutcome = await decide(FireAndForget, start(99).task());
    expect(decisionTypes(withOutcome.decisions)).to.deep.equal([...Array(99).fill('ScheduleLambdaFunction'), 'CompleteWorkflowExecution']);
  });

  it('sends the outcome only with the last part when the calls and the outcome pass 100', async () => {
    const h = HistoryBuilder.start(100, { workflowType: { name: 'FireAndForget', version: '1' } }).decisionTask();
    const first = await decide(FireAndForget, h.task());
    expect(decisionTypes(first.decisions)).to.deep.equal([...Array(99).fill('ScheduleLambdaFunction'), 'StartTimer']);
    h.completed(first.decisions).timerFired('tsflow-continue-1').decisionTask();
    const second = await decide(FireAndForget, h.task());
    expect(decisionTypes(second.decisions)).to.deep.equal(['ScheduleLambdaFunction', 'CompleteWorkflowExecution']);
    expect(second.decisions[0].scheduleLambdaFunctionDecisionAttributes!.id).to.equal('lambda100');
  });

  it('rejects a call whose input is over 32,768 characters, and the workflow can catch it', async () => {
    const { decisions } = await decide(Big, big('input').task());
    expect(decisionTypes(decisions)).to.deep.equal(['CompleteWorkflowExecution']);
    const result = JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!);
    expect(result).to.deep.equal({
      caught: PayloadTooLargeError.name,
      message:
        'The input of Lambda work (lambda1) is 40002 characters of JSON; SWF accepts at most 32768. Pass a reference (e.g. an S3 key) instead of the data.',
    });
  });

  it('fails the workflow, saying why, when its result is over 32,768 characters', async () => {
    const { decisions, status } = await decide(Big, big('result').task());
    expect(decisionTypes(decisions)).to.deep.equal(['FailWorkflowExecution']);
    expect(decisions[0].failWorkflowExecutionDecisionAttributes!.reason).to.equal(
      'PayloadTooLargeError: The result of workflow Big@1 is 40002 characters of JSON; SWF accepts at most 32768. Pass a reference (e.g. an S3 key) instead of the data.',
    );
    expect(status).to.equal('failed');
  });

  it('truncates a reason to 256 and details to 32,768 characters, marked as truncated', async () => {
    const { decisions } = await decide(Big, big('reason').task());
    const { reason, details } = decisions[0].failWorkflowExecutionDecisionAttributes!;
    expect(reason).to.have.length(256);
    expect(reason).to.match(/^r+… \[truncated by tsflow: 300 characters\]$/);
    expect(details).to.have.length(32_768);
    expect(details).to.match(/^d+… \[truncated by tsflow: 40000 characters\]$/);
  });
});
