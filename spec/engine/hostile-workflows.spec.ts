import { expect } from 'chai';
import { Lambda, Workflow, WorkflowContext, type LambdaCall } from '../../index';
import { WorkflowExecution, decide, replayHistory } from '../../engine';
import { DECISION_BYTES_BUDGET, planResponse } from '../../lib/engine/response';
import { MarkerCommand } from '../../lib/engine/commands';
import { HistoryBuilder, decisionTypes } from '../helpers';

const thrown: Record<string, () => unknown> = {
  'Object.create(null)': () => Object.create(null),
  'a frozen object': () => Object.freeze({ code: 7, detail: 'frozen' }),
  'a Symbol': () => Symbol('boom'),
  undefined: () => undefined,
  'an object whose toString throws': () => ({
    toString() {
      throw new Error('no string for you');
    },
  }),
  'an object whose getter throws': () => ({
    get field() {
      throw new Error('no field for you');
    },
  }),
};

@Workflow('Thrower', '1')
class Thrower {
  constructor(private readonly flow: WorkflowContext) {}
  async run(kind: string): Promise<void> {
    await this.flow.sleep(0);
    throw thrown[kind]();
  }
}

describe('A workflow that throws anything', () => {
  let unhandled: unknown[] = [];
  const record = (reason: unknown): void => void unhandled.push(reason);
  beforeEach(() => {
    unhandled = [];
    process.on('unhandledRejection', record);
  });
  afterEach(() => void process.off('unhandledRejection', record));

  for (const kind of Object.keys(thrown)) {
    it(`fails its execution with a readable reason when it throws ${kind}, and nothing escapes the engine`, async () => {
      const h = HistoryBuilder.start(kind, { workflowType: { name: 'Thrower', version: '1' } }).decisionTask();
      h.completed((await decide(Thrower, h.task())).decisions)
        .timerFired('timer1')
        .decisionTask();
      const { decisions, status, failureReason } = await decide(Thrower, h.task());
      expect(decisionTypes(decisions)).to.deep.equal(['FailWorkflowExecution']);
      expect(status).to.equal('failed');
      expect(failureReason).to.match(/^NonErrorThrown: a non-Error value was thrown: \S/);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).to.deep.equal([]);
    });
  }

  it('keeps the fields of a thrown plain object in the details', async () => {
    const h = HistoryBuilder.start('a frozen object', { workflowType: { name: 'Thrower', version: '1' } }).decisionTask();
    h.completed((await decide(Thrower, h.task())).decisions)
      .timerFired('timer1')
      .decisionTask();
    const { decisions } = await decide(Thrower, h.task());
    expect(JSON.parse(decisions[0].failWorkflowExecutionDecisionAttributes!.details!)).to.deep.equal({ code: 7, detail: 'frozen' });
  });
});

@Workflow('Wide', '1')
class Wide {
  @Lambda('echo') echo!: LambdaCall<string, string>;
  async run(count: number): Promise<number> {
    const results = await Promise.all(Array.from({ length: count }, (_, i) => this.echo(String(i).padEnd(30_000, 'x'))));
    return results.length;
  }
}

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

describe('Responses over SWF’s 1 MB request limit', () => {
  it('splits 40 calls with 30,000-character inputs by bytes, carrying the rest over with the continue timer', async () => {
    const h = HistoryBuilder.start(40, { workflowType: { name: 'Wide', version: '1' } }).decisionTask();
    const kept = WorkflowExecution.start(Wide, { workflowId: 'test-workflow', runId: 'test-run' });
    const first = await kept.decide(h.task());
    expect(bytesOf(first.decisions)).to.be.at.most(DECISION_BYTES_BUDGET);
    expect(first.decisions.at(-1)).to.deep.equal({
      decisionType: 'StartTimer',
      startTimerDecisionAttributes: { timerId: 'tsflow-continue-1', startToFireTimeout: '0' },
    });
    const sent = first.decisions.length - 1;
    expect(sent).to.be.within(20, 39);
    expect(first.carriedOver).to.equal(40 - sent);

    h.completed(first.decisions).timerFired('tsflow-continue-1').decisionTask();
    const second = await kept.decide(h.task());
    expect(second.decisions).to.deep.equal((await decide(Wide, h.task())).decisions);
    expect(bytesOf(second.decisions)).to.be.at.most(DECISION_BYTES_BUDGET);
    expect(second.decisions.map((d) => d.scheduleLambdaFunctionDecisionAttributes!.id)).to.deep.equal(
      Array.from({ length: 40 - sent }, (_, i) => `lambda${sent + 1 + i}`),
    );

    h.completed(second.decisions);
    for (let i = 1; i <= 40; i++) h.lambdaStarted(`lambda${i}`).lambdaCompleted(`lambda${i}`, 'ok');
    h.decisionTask();
    const third = await decide(Wide, h.task());
    expect(decisionTypes(third.decisions)).to.deep.equal(['CompleteWorkflowExecution']);
    h.completed(third.decisions);
    expect((await replayHistory(Wide, h.events)).status).to.equal('closed');
  });

  it('refuses a single decision that no response could carry, and sends the others', () => {
    const huge = new MarkerCommand('huge', 'x'.repeat(DECISION_BYTES_BUDGET));
    const small = new MarkerCommand('small', '{}');
    const plan = planResponse([
      { command: huge, action: 'start' },
      { command: small, action: 'start' },
    ]);
    expect(plan.refused.map((e) => e.command.label)).to.deep.equal(['huge']);
    expect(plan.sent.map((e) => e.command.label)).to.deep.equal(['small']);
    expect(plan.kept).to.deep.equal([]);
  });
});

@Workflow('Stuck', '1')
class Stuck {
  constructor(private readonly flow: WorkflowContext) {}
  async run(): Promise<void> {
    await this.flow.sideEffect(() => 1);
    await new Promise(() => {});
  }
}

@Workflow('Sleepy', '1')
class Sleepy {
  constructor(private readonly flow: WorkflowContext) {}
  async run(): Promise<void> {
    await this.flow.sleep(3600);
  }
}

describe('A workflow that waits on nothing that can settle', () => {
  const task = (name: string) =>
    HistoryBuilder.start(undefined, { workflowType: { name, version: '1' }, runId: 'run-s' })
      .decisionTask()
      .task();

  it('is reported with its type, run, the event it waits at and its last call', async () => {
    const { decisions, stuck, status } = await decide(Stuck, task('Stuck'));
    expect(status).to.equal('open');
    expect(decisionTypes(decisions)).to.deep.equal(['RecordMarker']);
    expect(stuck).to.match(/^Workflow Stuck@1 \(workflow id test-workflow, run run-s\) waits at event 3 on something nothing can settle/);
    expect(stuck).to.include('its last call was marker sideEffect1');
  });

  it("fails with reason StuckWorkflow under onStuck: 'fail-workflow'", async () => {
    const { decisions, failureReason } = await decide(Stuck, task('Stuck'), { onStuck: 'fail-workflow' });
    expect(decisionTypes(decisions)).to.deep.equal(['RecordMarker', 'FailWorkflowExecution']);
    expect(failureReason).to.equal('StuckWorkflow: the workflow waits on nothing that can settle');
  });

  it('is not reported while a timer, call or wait can still wake it', async () => {
    const result = await decide(Sleepy, task('Sleepy'), { onStuck: 'fail-workflow' });
    expect(result.stuck).to.equal(undefined);
    expect(decisionTypes(result.decisions)).to.deep.equal(['StartTimer']);
  });
});
