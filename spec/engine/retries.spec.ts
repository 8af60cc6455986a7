import { expect } from 'chai';
import { Activity, ActivityFailure, Lambda, Workflow, WorkflowContext, type ActivityCall, type LambdaCall } from '../../index';
import { decide, replayHistory } from '../../engine';
import { HistoryBuilder, decisionTypes } from '../helpers';

@Workflow('Charging', '1')
class Charging {
  @Activity({ name: 'charge', version: '1' }, { retry: { maximumAttempts: 4, initialInterval: 2, nonRetryable: ['CardDeclined'] } })
  charge!: ActivityCall<string, string>;
  constructor(readonly flow: WorkflowContext) {}
  async run(card: string): Promise<string> {
    try {
      return await this.charge(card);
    } catch (error) {
      return `gave up: ${(error as ActivityFailure).reason} (${(error as ActivityFailure).callId})`;
    }
  }
}

const start = () => HistoryBuilder.start('4111', { workflowType: { name: 'Charging', version: '1' } }).decisionTask();

describe('Retry policies', () => {
  it('retries a failed activity after durable back-off timers, with attempt ids, until attempt 3 succeeds', async () => {
    const h = start();
    const first = await decide(Charging, h.task());
    expect(first.decisions[0].scheduleActivityTaskDecisionAttributes!.activityId).to.equal('activity1');

    h.completed(first.decisions).activityStarted('activity1').activityFailed('activity1', 'GatewayDown').decisionTask();
    const second = await decide(Charging, h.task());
    expect(second.decisions).to.deep.equal([
      { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 'timer1', startToFireTimeout: '2' } },
    ]);

    h.completed(second.decisions).wait(2).timerFired('timer1').decisionTask();
    const third = await decide(Charging, h.task());
    expect(third.decisions[0].scheduleActivityTaskDecisionAttributes!.activityId).to.equal('activity1#2');

    h.completed(third.decisions).activityStarted('activity1#2').activityFailed('activity1#2', 'GatewayDown').decisionTask();
    const fourth = await decide(Charging, h.task());
    // Back-off doubles: 2 s, then 4 s.
    expect(fourth.decisions[0].startTimerDecisionAttributes).to.deep.equal({ timerId: 'timer2', startToFireTimeout: '4' });

    h.completed(fourth.decisions).wait(4).timerFired('timer2').decisionTask();
    const fifth = await decide(Charging, h.task());
    expect(fifth.decisions[0].scheduleActivityTaskDecisionAttributes!.activityId).to.equal('activity1#3');

    h.completed(fifth.decisions).activityStarted('activity1#3').activityCompleted('activity1#3', 'receipt-9').decisionTask();
    const last = await decide(Charging, h.task());
    expect(JSON.parse(last.decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal('receipt-9');
    h.completed(last.decisions);
    expect((await replayHistory(Charging, h.events)).status).to.equal('closed');
    expect(h.events.filter((e) => e.eventType === 'TimerStarted')).to.have.length(2);
  });

  it('fails at once on a non-retryable reason', async () => {
    const h = start();
    h.completed((await decide(Charging, h.task())).decisions)
      .activityStarted('activity1')
      .activityFailed('activity1', 'CardDeclined');
    const { decisions } = await decide(Charging, h.decisionTask().task());
    expect(JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal('gave up: CardDeclined (activity1)');
  });

  it('gives up after maximumAttempts with the last attempt’s failure', async () => {
    const h = start();
    let task = (await decide(Charging, h.task())).decisions;
    for (let attempt = 1; attempt <= 4; attempt++) {
      const id = attempt === 1 ? 'activity1' : `activity1#${attempt}`;
      h.completed(task).activityStarted(id).activityFailed(id, 'GatewayDown').decisionTask();
      task = (await decide(Charging, h.task())).decisions;
      if (attempt < 4) {
        h.completed(task).timerFired(`timer${attempt}`).decisionTask();
        task = (await decide(Charging, h.task())).decisions;
      }
    }
    expect(JSON.parse(task[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal('gave up: GatewayDown (activity1#4)');
  });

  it('cancels the back-off timer and stops retrying when the call is cancelled', async () => {
    @Workflow('Impatient', '1')
    class Impatient {
      @Activity({ name: 'charge', version: '1' }, { retry: { initialInterval: 60 } }) charge!: ActivityCall<string, string>;
      constructor(private readonly flow: WorkflowContext) {}
      async run(): Promise<string> {
        const call = this.charge('x');
        await this.flow.sleep(30);
        call.cancel();
        return call.then(
          () => 'done',
          (e: Error) => e.name,
        );
      }
    }
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Impatient', version: '1' } }).decisionTask();
    const first = await decide(Impatient, h.task());
    h.completed(first.decisions).activityStarted('activity1').activityFailed('activity1', 'Boom').decisionTask();
    const second = await decide(Impatient, h.task());
    expect(second.decisions[0].startTimerDecisionAttributes).to.deep.equal({ timerId: 'timer2', startToFireTimeout: '60' });
    h.completed(second.decisions).wait(30).timerFired('timer1').decisionTask();
    const third = await decide(Impatient, h.task());
    expect(decisionTypes(third.decisions)).to.deep.equal(['CancelTimer', 'CompleteWorkflowExecution']);
    expect(third.decisions[0].cancelTimerDecisionAttributes!.timerId).to.equal('timer2');
    expect(JSON.parse(third.decisions[1].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal('CancelledFailure');
  });

  it('retries Lambda failures of the Lambda service itself by default, and not the function’s own', async () => {
    @Workflow('Shouting', '1')
    class Shouting {
      @Lambda('shout') shout!: LambdaCall<string, string>;
      async run(word: string): Promise<string> {
        return this.shout(word).catch((e: Error) => `failed: ${e.message}`);
      }
    }
    const h = HistoryBuilder.start('hi', { workflowType: { name: 'Shouting', version: '1' } }).decisionTask();
    h.completed((await decide(Shouting, h.task())).decisions).lambdaStarted('lambda1');
    h.lambdaFailed('lambda1', 'TooManyRequestsException', 'Rate exceeded').decisionTask();
    const second = await decide(Shouting, h.task());
    expect(second.decisions[0].startTimerDecisionAttributes).to.deep.equal({ timerId: 'timer1', startToFireTimeout: '1' });
    h.completed(second.decisions).timerFired('timer1').decisionTask();
    const third = await decide(Shouting, h.task());
    expect(third.decisions[0].scheduleLambdaFunctionDecisionAttributes!.id).to.equal('lambda1#2');
    h.completed(third.decisions).lambdaStarted('lambda1#2').lambdaFailed('lambda1#2', 'Unhandled', 'TypeError').decisionTask();
    const last = await decide(Shouting, h.task());
    expect(JSON.parse(last.decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.match(/^failed: Lambda lambda1#2 failed/);
  });
});

describe('Retry policies and failures no attempt can mend', () => {
  it('does not retry an activity whose input its DTO refused (ValidationError)', async () => {
    const h = start();
    h.completed((await decide(Charging, h.task())).decisions).activityStarted('activity1');
    h.activityFailed('activity1', 'ValidationError: The input of Payments.charge is invalid').decisionTask();
    const { decisions } = await decide(Charging, h.task());
    expect(JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.match(/^gave up: ValidationError/);
  });
});
