import { expect } from 'chai';
import { Lambda, NondeterminismError, Workflow, WorkflowContext, type LambdaCall } from '../../index';
import { decide, replayHistory } from '../../engine';
import { HistoryBuilder } from '../helpers';

@Workflow('Order', '1')
class OrderV1 {
  @Lambda('reserve') reserve!: LambdaCall<string, string>;
  @Lambda('charge') charge!: LambdaCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(id: string): Promise<string> {
    const reservation = await this.reserve(id);
    await this.flow.sleep(10);
    return this.charge(reservation);
  }
}

/** The same type, changed without a new version: the second Lambda is another function. */
@Workflow('Order', '1')
class OrderRenamedCall {
  @Lambda('reserve') reserve!: LambdaCall<string, string>;
  @Lambda('bill') bill!: LambdaCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(id: string): Promise<string> {
    const reservation = await this.reserve(id);
    await this.flow.sleep(10);
    return this.bill(reservation);
  }
}

/** The same type, changed without a new version: the timer is gone. */
@Workflow('Order', '1')
class OrderWithoutTimer {
  @Lambda('reserve') reserve!: LambdaCall<string, string>;
  @Lambda('charge') charge!: LambdaCall<string, string>;
  async run(id: string): Promise<string> {
    return this.charge(await this.reserve(id));
  }
}

/** The same type, changed without a new version: an unawaited call added after the timer. */
@Workflow('Order', '1')
class OrderWithAudit {
  @Lambda('reserve') reserve!: LambdaCall<string, string>;
  @Lambda('charge') charge!: LambdaCall<string, string>;
  @Lambda('audit') audit!: LambdaCall<string, void>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(id: string): Promise<string> {
    const reservation = await this.reserve(id);
    await this.flow.sleep(10);
    const charged = this.charge(reservation);
    void this.audit(id);
    return charged;
  }
}

/** Records a complete execution of OrderV1, task by task. */
async function recordedOrder(): Promise<HistoryBuilder> {
  const h = HistoryBuilder.start('o-7', { workflowType: { name: 'Order', version: '1' }, runId: 'run-7' }).decisionTask();
  const steps = [
    (d: typeof h) => d.lambdaStarted('lambda1').lambdaCompleted('lambda1', 'r-7'),
    (d: typeof h) => d.wait(10).timerFired('timer1'),
    (d: typeof h) => d.lambdaStarted('lambda2').lambdaCompleted('lambda2', 'paid'),
  ];
  for (const step of steps) {
    const { decisions } = await decide(OrderV1, h.task());
    step(h.completed(decisions)).decisionTask();
  }
  const last = await decide(OrderV1, h.task());
  h.completed(last.decisions);
  return h;
}

async function rejection(promise: Promise<unknown>): Promise<NondeterminismError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(NondeterminismError);
    return error as NondeterminismError;
  }
  throw new Error('expected a NondeterminismError');
}

describe('Nondeterminism', () => {
  it('replays an unchanged workflow against its own history', async () => {
    const h = await recordedOrder();
    const result = await replayHistory(OrderV1, h.events);
    expect(result.status).to.equal('closed');
    expect(result.eventsReplayed).to.equal(h.lastEventId);
  });

  it('names workflow type, run id, event id, and the recorded and produced decisions when a call changed', async () => {
    const h = await recordedOrder();
    const error = await rejection(decide(OrderRenamedCall, h.task()));
    const scheduled = h.events.find((e) => e.lambdaFunctionScheduledEventAttributes?.name === 'charge')!;
    expect(error).to.include({ workflowType: 'Order@1', runId: 'run-7', eventId: scheduled.eventId });
    expect(error.recorded).to.deep.equal({ decisionType: 'ScheduleLambdaFunction', label: 'charge', id: 'lambda2' });
    expect(error.produced).to.deep.equal({ decisionType: 'ScheduleLambdaFunction', label: 'bill', id: 'lambda2' });
    expect(error.message).to.equal(
      `Nondeterminism in workflow Order@1, run run-7, at event ${scheduled.eventId} (a decision of DecisionTaskCompleted ${scheduled.eventId! - 1}): history recorded ScheduleLambdaFunction charge (id lambda2) ` +
        'but the workflow now produces ScheduleLambdaFunction bill (id lambda2). The workflow code changed in a way that running executions ' +
        'cannot follow, or it depends on something other than its input and history (time, randomness, I/O). Deploy such changes as a new workflow version, or branch on this.flow.patched().',
    );
  });

  it('raises when a decision history recorded is no longer made', async () => {
    const h = await recordedOrder();
    const error = await rejection(replayHistory(OrderWithoutTimer, h.events, { runId: 'run-7' }));
    expect(error.recorded).to.deep.equal({ decisionType: 'StartTimer', label: '', id: 'timer1' });
    expect(error.produced).to.deep.equal({ decisionType: 'ScheduleLambdaFunction', label: 'charge', id: 'lambda2' });
  });

  it('replays a GetWorkflowExecutionHistory JSON document (epoch-second timestamps) and reports the change there too', async () => {
    const h = await recordedOrder();
    const document = JSON.parse(
      JSON.stringify({ events: h.events }, (key, value: unknown) =>
        key === 'eventTimestamp' ? Date.parse(value as string) / 1000 : value,
      ),
    );
    expect(typeof document.events[0].eventTimestamp).to.equal('number');
    await replayHistory(OrderV1, document);
    await rejection(replayHistory(OrderRenamedCall, document));
  });

  it('raises when a past activation makes a call history never recorded, in an open history too', async () => {
    const full = await recordedOrder();
    // The history as it stands while lambda2 runs (open): the activation after the timer recorded charge alone.
    const charged = full.events.findIndex((e) => e.lambdaFunctionScheduledEventAttributes?.name === 'charge');
    const open = full.events.slice(0, charged + 1);
    const error = await rejection(replayHistory(OrderWithAudit, open, { runId: 'run-7' }));
    const completed = full.events[charged - 1];
    expect(completed.eventType).to.equal('DecisionTaskCompleted');
    expect(error).to.include({ eventId: completed.eventId, decisionTaskCompletedEventId: completed.eventId });
    expect(error.recorded).to.equal(undefined);
    expect(error.produced).to.deep.equal({ decisionType: 'ScheduleLambdaFunction', label: 'audit', id: 'lambda3' });
    expect(error.message).to.include(
      `(the decisions of DecisionTaskCompleted ${completed.eventId}): history recorded no further decision there`,
    );
    // The closed history says the same.
    expect((await rejection(replayHistory(OrderWithAudit, full.events, { runId: 'run-7' }))).eventId).to.equal(completed.eventId);
  });

  it('with compareInputs, also reports a call whose input changed (a random number passed to a Lambda)', async () => {
    const h = await recordedOrder();
    @Workflow('Order', '1')
    class OrderRandomised {
      @Lambda('reserve') reserve!: LambdaCall<string, string>;
      @Lambda('charge') charge!: LambdaCall<string, string>;
      constructor(private readonly flow: WorkflowContext) {}
      async run(id: string): Promise<string> {
        const reservation = await this.reserve(`${id}-${Math.random()}`);
        await this.flow.sleep(10);
        return this.charge(reservation);
      }
    }
    expect((await replayHistory(OrderRandomised, h.events)).status).to.equal('closed');
    const error = await rejection(replayHistory(OrderRandomised, h.events, { runId: 'run-7', compareInputs: true }));
    expect(error.recorded).to.deep.include({ decisionType: 'ScheduleLambdaFunction', label: 'reserve', input: '"o-7"' });
    expect(error.produced?.input).to.match(/^"o-7-0\.\d+"$/);
    expect(error.message).to.match(
      /history recorded ScheduleLambdaFunction reserve \(id lambda1\) with input "o-7" but the workflow now produces/,
    );
    // The same code and input replay clean with the comparison on, whatever the JSON spacing.
    expect((await replayHistory(OrderV1, h.events, { compareInputs: true })).status).to.equal('closed');
  });

  it('takes the ids found in history, whatever scheme wrote them', async () => {
    const h = HistoryBuilder.start('o-8', { workflowType: { name: 'Order', version: '1' } })
      .decisionTask()
      .completed([]);
    h.lambdaScheduled('reserve-the-stock', 'reserve', 'o-8')
      .lambdaStarted('reserve-the-stock')
      .lambdaCompleted('reserve-the-stock', 'r')
      .decisionTask();
    const { decisions } = await decide(OrderV1, h.task());
    expect(decisions).to.deep.equal([
      { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 'timer1', startToFireTimeout: '10' } },
    ]);
  });
});
