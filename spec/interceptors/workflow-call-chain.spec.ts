import { expect } from 'chai';
import { decide, replayHistory } from '../../engine';
import { TypeRegistry } from '../../lib/metadata';
import {
  Activity,
  Lambda,
  LambdaFailure,
  UseInterceptors,
  Workflow,
  type ActivityCall,
  type LambdaCall,
  type WorkflowCallInfo,
  type WorkflowCallNext,
  type WorkflowInterceptor,
} from '../../index';
import { WorkflowExecution } from '../../lib/engine';
import { HistoryBuilder } from '../helpers';

/** Remembers every call it sees; leaves them as they are. */
class Recorder implements WorkflowInterceptor {
  readonly deterministic = true;
  readonly seen: WorkflowCallInfo[] = [];
  interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
    this.seen.push(call);
    return next(call);
  }
}

/** Upper-cases every Lambda's input, and turns a Lambda's result into `{ wrapped: result }`. */
class Shouting implements WorkflowInterceptor {
  readonly deterministic = true;
  async interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
    if (call.kind !== 'lambda') return next(call);
    return { wrapped: await next({ ...call, input: String(call.input).toUpperCase() }) };
  }
}

/** Refuses to charge more than 100. */
class Limit implements WorkflowInterceptor {
  readonly deterministic = true;
  interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
    if (call.member === 'charge' && (call.input as number) > 100) throw new RangeError(`${String(call.input)} > 100`);
    return next(call);
  }
}

const recorder = new Recorder();

@UseInterceptors(recorder, Shouting)
@Workflow('Shout', '1')
class Shout {
  @Lambda('echo') echo!: LambdaCall<string, unknown>;
  async run(word: string): Promise<unknown> {
    return this.echo(word);
  }
}

@UseInterceptors(Limit)
@Workflow('Pay', '1')
class Pay {
  @Activity({ name: 'charge', version: '1' }) charge!: ActivityCall<number, string>;
  async run(amount: number): Promise<string> {
    try {
      return await this.charge(amount);
    } catch (error) {
      return `refused: ${(error as Error).message}`;
    }
  }
}

@UseInterceptors(new Recorder())
@Workflow('Cancels', '1')
class Cancels {
  @Activity({ name: 'slow', version: '1' }) slow!: ActivityCall<void, void>;
  async run(): Promise<string> {
    const call = this.slow();
    call.cancel();
    await call.catch(() => undefined);
    return 'cancel asked';
  }
}

const shoutHistory = (): HistoryBuilder =>
  HistoryBuilder.start('hey', { workflowType: { name: 'Shout', version: '1' }, workflowId: 'w-1', runId: 'r-1' }).decisionTask();

describe('Workflow interceptors', () => {
  beforeEach(() => recorder.seen.splice(0));

  it('see each call with its kind, type, member, workflow, ids, input and whether it replays', async () => {
    const h = shoutHistory();
    await decide(Shout, h.task());
    expect(recorder.seen).to.have.length(1);
    const { kind, type, member, workflowType, workflowId, runId, input, isReplaying, tags } = recorder.seen[0];
    expect({ kind, type, member, workflowType, workflowId, runId, input, isReplaying, tags }).to.deep.equal({
      kind: 'lambda',
      type: 'echo',
      member: 'echo',
      workflowType: 'Shout@1',
      workflowId: 'w-1',
      runId: 'r-1',
      input: 'hey',
      isReplaying: false,
      tags: [],
    });
  });

  it('can change the input the call is made with, and wrap its result', async () => {
    const h = shoutHistory();
    const first = await decide(Shout, h.task());
    expect(first.decisions[0].scheduleLambdaFunctionDecisionAttributes?.input).to.equal('"HEY"');
    h.completed(first.decisions).lambdaStarted('lambda1').lambdaCompleted('lambda1', 'HEY!').decisionTask();
    const second = await decide(Shout, h.task());
    expect(second.decisions[0].completeWorkflowExecutionDecisionAttributes?.result).to.equal('{"wrapped":"HEY!"}');
  });

  it('run again on replay, told so, and the history replays without nondeterminism', async () => {
    const h = shoutHistory();
    const first = await decide(Shout, h.task());
    h.completed(first.decisions).lambdaStarted('lambda1').lambdaCompleted('lambda1', 'HEY!').decisionTask();
    recorder.seen.splice(0);
    await decide(Shout, h.task());
    expect(recorder.seen.map((c) => c.isReplaying)).to.deep.equal([true]);
    await replayHistory(Shout, h.events);
  });

  it('can veto a call: no decision is made and the workflow gets the error', async () => {
    const small = await decide(
      Pay,
      HistoryBuilder.start(50, { workflowType: { name: 'Pay', version: '1' } })
        .decisionTask()
        .task(),
    );
    expect(small.decisions.map((d) => d.decisionType)).to.deep.equal(['ScheduleActivityTask']);
    const big = await decide(
      Pay,
      HistoryBuilder.start(500, { workflowType: { name: 'Pay', version: '1' } })
        .decisionTask()
        .task(),
    );
    expect(big.decisions.map((d) => d.decisionType)).to.deep.equal(['CompleteWorkflowExecution']);
    expect(big.decisions[0].completeWorkflowExecutionDecisionAttributes?.result).to.equal('"refused: 500 > 100"');
  });

  it('keep cancel() on the futures they wrap', async () => {
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Cancels', version: '1' } }).decisionTask();
    const result = await decide(Cancels, h.task());
    // Cancelled in the activation that scheduled it: SWF never hears of the activity.
    expect(result.decisions.map((d) => d.decisionType)).to.deep.equal(['CompleteWorkflowExecution']);
  });

  it('wrap the module’s interceptors outside the class’s own', async () => {
    const order: string[] = [];
    const named = (name: string): WorkflowInterceptor => ({
      deterministic: true,
      interceptWorkflowCall: (call, next) => {
        order.push(name);
        return next(call);
      },
    });
    const registry = new TypeRegistry({ workflows: [Shout], workflowInterceptors: [named('module-1'), named('module-2')] });
    const definition = registry.findWorkflow({ name: 'Shout', version: '1' })!;
    await WorkflowExecution.start(definition, { workflowId: 'w-1', runId: 'r-1' }).decide(shoutHistory().task());
    recorder.seen.length = 0;
    expect(order).to.deep.equal(['module-1', 'module-2']);
    expect(definition.interceptors).to.have.length(4);
  });

  it('must declare themselves deterministic, or bootstrap says why not', () => {
    class Sloppy {
      interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
        return next(call);
      }
    }
    @UseInterceptors(Sloppy)
    @Workflow('Sloppy', '1')
    class SloppyWorkflow {
      async run(): Promise<void> {}
    }
    expect(() => new TypeRegistry({ workflows: [SloppyWorkflow] })).to.throw(
      /@UseInterceptors on SloppyWorkflow: Sloppy intercepts workflow calls but does not declare `deterministic: true`/,
    );
  });

  it('leave a failure of a call they pass through as the workflow would see it', async () => {
    const h = shoutHistory();
    const first = await decide(Shout, h.task());
    h.completed(first.decisions).lambdaStarted('lambda1').lambdaFailed('lambda1', 'Boom').decisionTask();
    const second = await decide(Shout, h.task());
    const failed = second.decisions[0].failWorkflowExecutionDecisionAttributes;
    expect(failed?.reason).to.contain(LambdaFailure.name);
  });
});
