import { expect } from 'chai';
import { Activity, CancelledFailure, ScheduleFailure, Workflow, WorkflowContext, type ActivityCall } from '../../index';
import { decide, replayHistory } from '../../engine';
import { HistoryBuilder, decisionTypes } from '../helpers';

const type = (name: string) => ({ workflowType: { name, version: '1' } });

@Workflow('Counter', '1', { continueAsNewSuggestedAt: 20 })
class Counter {
  constructor(private readonly flow: WorkflowContext) {}
  async run(n: number): Promise<number> {
    for (;;) {
      await this.flow.sleep(1);
      n++;
      if (this.flow.continueAsNewSuggested) return this.flow.continueAsNew(n, { tagList: ['counter'] });
    }
  }
}

describe('continueAsNew()', () => {
  it('ends the run with ContinueAsNewWorkflowExecution once the history passes continueAsNewSuggestedAt', async () => {
    const h = HistoryBuilder.start(0, type('Counter')).decisionTask();
    let result = await decide(Counter, h.task());
    let timer = 1;
    while (decisionTypes(result.decisions)[0] === 'StartTimer') {
      h.completed(result.decisions).timerFired(`timer${timer++}`).decisionTask();
      result = await decide(Counter, h.task());
    }
    expect(decisionTypes(result.decisions)).to.deep.equal(['ContinueAsNewWorkflowExecution']);
    const attributes = result.decisions[0].continueAsNewWorkflowExecutionDecisionAttributes!;
    expect(attributes).to.deep.equal({ input: String(timer - 1), tagList: ['counter'] });
    expect(h.lastEventId).to.be.at.least(20);
    h.completed(result.decisions);
    expect((await replayHistory(Counter, h.events)).status).to.equal('closed');
  });
});

@Workflow('Billing', '1')
class BillingV1 {
  @Activity({ name: 'charge', version: '1' }) charge!: ActivityCall<string, string>;
  async run(id: string): Promise<string> {
    return this.charge(id);
  }
}

/** Version 2 of the same type: sends a receipt after charging, behind a patch. */
@Workflow('Billing', '1')
class BillingV2 {
  @Activity({ name: 'charge', version: '1' }) charge!: ActivityCall<string, string>;
  @Activity({ name: 'receipt', version: '1' }) receipt!: ActivityCall<string, void>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(id: string): Promise<string> {
    const charged = await this.charge(id);
    if (this.flow.patched('send-receipt')) await this.receipt(charged);
    return charged;
  }
}

/** Version 3: every old execution is gone; the patch is deprecated. */
@Workflow('Billing', '1')
class BillingV3 {
  @Activity({ name: 'charge', version: '1' }) charge!: ActivityCall<string, string>;
  @Activity({ name: 'receipt', version: '1' }) receipt!: ActivityCall<string, void>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(id: string): Promise<string> {
    const charged = await this.charge(id);
    this.flow.deprecatePatch('send-receipt');
    await this.receipt(charged);
    return charged;
  }
}

async function recordV1(): Promise<HistoryBuilder> {
  const h = HistoryBuilder.start('b-1', type('Billing')).decisionTask();
  h.completed((await decide(BillingV1, h.task())).decisions)
    .activityStarted('activity1')
    .activityCompleted('activity1', 'paid');
  h.decisionTask();
  h.completed((await decide(BillingV1, h.task())).decisions);
  return h;
}

describe('patched() and deprecatePatch()', () => {
  it('replays a history recorded by version 1 through version 2: the patch is false there', async () => {
    const h = await recordV1();
    const replayed = await replayHistory(BillingV2, h.events);
    expect(replayed.status).to.equal('closed');
  });

  it('takes the new branch in a new execution and records the patch marker; the history replays through v2 and v3', async () => {
    const h = HistoryBuilder.start('b-2', type('Billing')).decisionTask();
    h.completed((await decide(BillingV2, h.task())).decisions)
      .activityStarted('activity1')
      .activityCompleted('activity1', 'paid');
    h.decisionTask();
    const second = await decide(BillingV2, h.task());
    expect(decisionTypes(second.decisions)).to.deep.equal(['RecordMarker', 'ScheduleActivityTask']);
    expect(second.decisions[0].recordMarkerDecisionAttributes!.markerName).to.equal('tsflow-patch-send-receipt');
    h.completed(second.decisions).activityStarted('activity2').activityCompleted('activity2').decisionTask();
    h.completed((await decide(BillingV2, h.task())).decisions);
    expect((await replayHistory(BillingV2, h.events)).status).to.equal('closed');
    expect((await replayHistory(BillingV3, h.events)).status).to.equal('closed');
  });

  it('takes the new branch when v2 decides the next task of an open v1 execution (nothing past the change is recorded yet)', async () => {
    const h = HistoryBuilder.start('b-3', type('Billing')).decisionTask();
    h.completed((await decide(BillingV1, h.task())).decisions)
      .activityStarted('activity1')
      .activityCompleted('activity1', 'paid');
    // v2 decides the next task: not replaying, so the patch is taken (SWF has not recorded anything past it).
    const next = await decide(BillingV2, h.decisionTask().task());
    expect(decisionTypes(next.decisions)).to.deep.equal(['RecordMarker', 'ScheduleActivityTask']);
  });
});

@Workflow('Race', '1')
class Race {
  @Activity({ name: 'fast', version: '1' }) fast!: ActivityCall<void, string>;
  @Activity({ name: 'slow', version: '1' }) slow!: ActivityCall<void, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(): Promise<string> {
    const viaFast = this.flow.cancellationScope(async () => this.fast());
    const viaSlow = this.flow.cancellationScope(async () => {
      await this.flow.sleep(5);
      return this.slow();
    });
    const [winner] = await this.flow.any(viaFast, viaSlow);
    (winner === viaFast ? viaSlow : viaFast).cancel();
    const loser = await (winner === viaFast ? viaSlow : viaFast).catch((e: unknown) => e);
    return `${await winner} won; the other ${loser instanceof CancelledFailure ? 'was cancelled' : 'finished'}`;
  }
}

describe('cancellationScope()', () => {
  it('cancels what the losing branch of a race started, including what it started after an await', async () => {
    const h = HistoryBuilder.start(undefined, type('Race')).decisionTask();
    const first = await decide(Race, h.task());
    expect(decisionTypes(first.decisions)).to.deep.equal(['ScheduleActivityTask', 'StartTimer']);
    h.completed(first.decisions).activityStarted('activity1').activityCompleted('activity1', 'fast one').decisionTask();
    const second = await decide(Race, h.task());
    expect(decisionTypes(second.decisions)).to.deep.equal(['CancelTimer', 'CompleteWorkflowExecution']);
    expect(JSON.parse(second.decisions[1].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal(
      'fast one won; the other was cancelled',
    );
  });

  it('asks SWF to cancel an activity the losing branch started after its timer', async () => {
    const h = HistoryBuilder.start(undefined, type('Race')).decisionTask();
    const first = await decide(Race, h.task());
    h.completed(first.decisions).wait(5).timerFired('timer1').decisionTask();
    const second = await decide(Race, h.task());
    expect(decisionTypes(second.decisions)).to.deep.equal(['ScheduleActivityTask']);
    h.completed(second.decisions).activityStarted('activity1').activityCompleted('activity1', 'fast one').decisionTask();
    const third = await decide(Race, h.task());
    expect(third.decisions).to.deep.equal([
      { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'activity2' } },
    ]);
    h.completed(third.decisions).activityCanceled('activity2').decisionTask();
    const last = await decide(Race, h.task());
    expect(JSON.parse(last.decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal(
      'fast one won; the other was cancelled',
    );
  });
});

@Workflow('Notifier', '1')
class Notifier {
  constructor(private readonly flow: WorkflowContext) {}
  async run(target: string): Promise<string> {
    try {
      await this.flow.signalExternal(target, undefined, 'approve', { by: 'notifier' });
      return 'delivered';
    } catch (error) {
      return error instanceof ScheduleFailure ? `failed: ${error.cause}` : 'other';
    }
  }
}

describe('signalExternal()', () => {
  it('decides SignalExternalWorkflowExecution and resolves once SWF delivered it', async () => {
    const h = HistoryBuilder.start('other-1', type('Notifier')).decisionTask();
    const first = await decide(Notifier, h.task());
    expect(first.decisions).to.deep.equal([
      {
        decisionType: 'SignalExternalWorkflowExecution',
        signalExternalWorkflowExecutionDecisionAttributes: { workflowId: 'other-1', signalName: 'approve', input: '{"by":"notifier"}' },
      },
    ]);
    h.completed(first.decisions).externalSignaled('approve').decisionTask();
    const { decisions } = await decide(Notifier, h.task());
    expect(JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal('delivered');
  });

  it('rejects with ScheduleFailure carrying SWF’s cause when the target is unknown', async () => {
    const h = HistoryBuilder.start('nobody', type('Notifier')).decisionTask();
    h.completed((await decide(Notifier, h.task())).decisions)
      .externalSignalFailed('approve')
      .decisionTask();
    const { decisions } = await decide(Notifier, h.task());
    expect(JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal(
      'failed: UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION',
    );
  });
});
