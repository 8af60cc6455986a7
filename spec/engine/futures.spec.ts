import { expect } from 'chai';
import { CancelledFailure, Lambda, SideEffectFailure, WaitTimeout, Workflow, WorkflowContext, type LambdaCall } from '../../index';
import { decide, replayHistory } from '../../engine';
import { HistoryBuilder, decisionTypes } from '../helpers';
import type { Decision } from '@aws-sdk/client-swf';

const resultOf = (decisions: Decision[]): unknown => JSON.parse(decisions.at(-1)!.completeWorkflowExecutionDecisionAttributes!.result!);
const typeOf = (name: string) => ({ workflowType: { name, version: '1' } });

@Workflow('AnyFirst', '1')
class AnyFirst {
  @Lambda('work') work!: LambdaCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(): Promise<{ any: string[]; race: string }> {
    const calls = [this.work('a'), this.work('b'), this.work('c')];
    const race = Promise.race(calls);
    const done = await this.flow.any(calls);
    return { any: await Promise.all(done), race: await race };
  }
}

@Workflow('Timed', '1')
class Timed {
  @Lambda('work') work!: LambdaCall<number, number>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(mode: 'all' | 'any'): Promise<unknown> {
    const calls = [this.work(1), this.work(2)];
    try {
      if (mode === 'all') return { values: await this.flow.timedAll(30, ...calls) };
      return { first: await Promise.all(await this.flow.timedAny(30, calls)) };
    } catch (error) {
      if (error instanceof WaitTimeout) return { timedOut: error.timerId, after: error.timeoutSeconds };
      throw error;
    }
  }
}

@Workflow('Cancelling', '1')
class Cancelling {
  @Lambda('work') work!: LambdaCall<number, number>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(early: boolean): Promise<string> {
    const timer = this.flow.timer(60);
    if (!early) await this.work(1);
    timer.cancel();
    return timer.then(
      () => 'fired',
      (error: unknown) => (error instanceof CancelledFailure ? `cancelled ${error.callId}` : 'other'),
    );
  }
}

let sideEffectRuns = 0;

@Workflow('SideEffects', '1')
class SideEffects {
  constructor(private readonly flow: WorkflowContext) {}
  async run(fail: boolean): Promise<unknown> {
    const token = await this.flow
      .sideEffect(() => {
        sideEffectRuns++;
        if (fail) throw new RangeError(`no token on run ${sideEffectRuns}`);
        return { token: `t-${sideEffectRuns}`, at: new Date(Date.UTC(2026, 0, sideEffectRuns)) };
      })
      .catch((error: unknown) =>
        error instanceof SideEffectFailure ? { failed: error.message, errorName: error.errorName } : { other: true },
      );
    await this.flow.sleep(1);
    return token;
  }
}

describe('Futures', () => {
  describe('any', () => {
    it('resolves with every future settled in the activation, in event order, and Promise.race agrees', async () => {
      const h = HistoryBuilder.start(undefined, typeOf('AnyFirst')).decisionTask();
      const first = await decide(AnyFirst, h.task());
      expect(decisionTypes(first.decisions)).to.deep.equal(Array(3).fill('ScheduleLambdaFunction'));
      h.completed(first.decisions).lambdaStarted('lambda3').lambdaStarted('lambda1');
      h.lambdaCompleted('lambda3', 'C').lambdaCompleted('lambda1', 'A').decisionTask();
      const second = await decide(AnyFirst, h.task());
      expect(resultOf(second.decisions)).to.deep.equal({ any: ['C', 'A'], race: 'C' });
    });

    it('resolves with the one future settled first when the others come later', async () => {
      const h = HistoryBuilder.start(undefined, typeOf('AnyFirst')).decisionTask();
      const first = await decide(AnyFirst, h.task());
      h.completed(first.decisions).lambdaStarted('lambda2').lambdaCompleted('lambda2', 'B').decisionTask();
      expect(resultOf((await decide(AnyFirst, h.task())).decisions)).to.deep.equal({ any: ['B'], race: 'B' });
    });
  });

  describe('timed waits', () => {
    const begin = async (mode: 'all' | 'any') => {
      const h = HistoryBuilder.start(mode, typeOf('Timed')).decisionTask();
      const first = await decide(Timed, h.task());
      expect(decisionTypes(first.decisions)).to.deep.equal(['ScheduleLambdaFunction', 'ScheduleLambdaFunction', 'StartTimer']);
      expect(first.decisions[2].startTimerDecisionAttributes).to.deep.equal({ timerId: 'timer1', startToFireTimeout: '30' });
      return h.completed(first.decisions).lambdaStarted('lambda1').lambdaStarted('lambda2');
    };

    it('timedAll returns the values and cancels its timer when the futures win', async () => {
      const h = (await begin('all')).lambdaCompleted('lambda2', 20).lambdaCompleted('lambda1', 10).decisionTask();
      const { decisions } = await decide(Timed, h.task());
      expect(decisionTypes(decisions)).to.deep.equal(['CancelTimer', 'CompleteWorkflowExecution']);
      expect(decisions[0].cancelTimerDecisionAttributes).to.deep.equal({ timerId: 'timer1' });
      expect(resultOf(decisions)).to.deep.equal({ values: [10, 20] });
      h.completed(decisions);
      await replayHistory(Timed, h.events);
    });

    it('timedAll throws WaitTimeout when the timer fires first in event order, even in the same activation', async () => {
      const h = (await begin('all')).lambdaCompleted('lambda1', 10).timerFired('timer1').lambdaCompleted('lambda2', 20).decisionTask();
      const { decisions } = await decide(Timed, h.task());
      expect(decisionTypes(decisions)).to.deep.equal(['CompleteWorkflowExecution']);
      expect(resultOf(decisions)).to.deep.equal({ timedOut: 'timer1', after: 30 });
    });

    it('timedAny returns the first futures and cancels its timer', async () => {
      const h = (await begin('any')).lambdaCompleted('lambda2', 20).decisionTask();
      const { decisions } = await decide(Timed, h.task());
      expect(decisionTypes(decisions)).to.deep.equal(['CancelTimer', 'CompleteWorkflowExecution']);
      expect(resultOf(decisions)).to.deep.equal({ first: [20] });
    });

    it('timedAny wins when a future settles before the timer in the same activation (nothing left to cancel)', async () => {
      const h = (await begin('any')).lambdaCompleted('lambda2', 20).timerFired('timer1').decisionTask();
      const { decisions } = await decide(Timed, h.task());
      expect(decisionTypes(decisions)).to.deep.equal(['CompleteWorkflowExecution']);
      expect(resultOf(decisions)).to.deep.equal({ first: [20] });
    });

    it('timedAny throws WaitTimeout when nothing settled before the timer', async () => {
      const h = (await begin('any')).timerFired('timer1').lambdaCompleted('lambda1', 10).decisionTask();
      const { decisions } = await decide(Timed, h.task());
      expect(resultOf(decisions)).to.deep.equal({ timedOut: 'timer1', after: 30 });
    });
  });

  describe('timers', () => {
    it('cancel() sends CancelTimer for a started timer and rejects its future with CancelledFailure', async () => {
      const h = HistoryBuilder.start(false, typeOf('Cancelling')).decisionTask();
      const first = await decide(Cancelling, h.task());
      expect(decisionTypes(first.decisions)).to.deep.equal(['StartTimer', 'ScheduleLambdaFunction']);
      h.completed(first.decisions).lambdaStarted('lambda1').lambdaCompleted('lambda1', 1).decisionTask();
      const second = await decide(Cancelling, h.task());
      expect(decisionTypes(second.decisions)).to.deep.equal(['CancelTimer', 'CompleteWorkflowExecution']);
      expect(resultOf(second.decisions)).to.equal('cancelled timer1');
      h.completed(second.decisions);
      const replayed = await replayHistory(Cancelling, h.events);
      expect(replayed.status).to.equal('closed');
    });

    it('takes back a timer cancelled before it was ever sent', async () => {
      const h = HistoryBuilder.start(true, typeOf('Cancelling')).decisionTask();
      const { decisions } = await decide(Cancelling, h.task());
      expect(decisionTypes(decisions)).to.deep.equal(['CompleteWorkflowExecution']);
      expect(resultOf(decisions)).to.equal('cancelled timer1');
    });
  });

  describe('sideEffect', () => {
    it('runs the function once, records it in a marker, and replays the marker instead of running it again', async () => {
      sideEffectRuns = 0;
      const h = HistoryBuilder.start(false, typeOf('SideEffects')).decisionTask();
      const first = await decide(SideEffects, h.task());
      expect(sideEffectRuns).to.equal(1);
      expect(decisionTypes(first.decisions)).to.deep.equal(['RecordMarker', 'StartTimer']);
      expect(first.decisions[0].recordMarkerDecisionAttributes!.markerName).to.equal('sideEffect1');
      h.completed(first.decisions).timerFired('timer1').decisionTask();
      const second = await decide(SideEffects, h.task());
      expect(sideEffectRuns).to.equal(1);
      // The first run already saw the value as JSON gives it back (the Date as a string), like every replay.
      expect(resultOf(second.decisions)).to.deep.equal({ token: 't-1', at: '2026-01-01T00:00:00.000Z' });
    });

    it('records a thrown error and throws the same SideEffectFailure on replay', async () => {
      sideEffectRuns = 0;
      const h = HistoryBuilder.start(true, typeOf('SideEffects')).decisionTask();
      const first = await decide(SideEffects, h.task());
      h.completed(first.decisions).timerFired('timer1').decisionTask();
      const second = await decide(SideEffects, h.task());
      expect(sideEffectRuns).to.equal(1);
      expect(resultOf(second.decisions)).to.deep.equal({
        failed: 'The side effect sideEffect1 threw RangeError: no token on run 1',
        errorName: 'RangeError',
      });
    });
  });
});
