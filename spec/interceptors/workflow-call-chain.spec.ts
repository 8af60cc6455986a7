import { expect } from 'chai';
import { decide, replayHistory } from '../../engine';
import { TypeRegistry } from '../../lib/metadata';
import {
  Activity,
  ActivityFailure,
  ChildWorkflow,
  Lambda,
  LambdaFailure,
  UseInterceptors,
  Workflow,
  type ActivityCall,
  type ChildWorkflowCall,
  type LambdaCall,
  type WorkflowCallAttempt,
  type WorkflowCallInfo,
  type WorkflowCallNext,
  type WorkflowInterceptor,
} from '../../index';
import { WorkflowExecution } from '../../lib/engine';
import { HistoryBuilder, decisionTypes } from '../helpers';

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

/** Remembers each call as the chain sees it, and each attempt as the engine commits to it. */
class Watcher implements WorkflowInterceptor {
  readonly deterministic = true;
  readonly calls: WorkflowCallInfo[] = [];
  readonly attempts: WorkflowCallAttempt[] = [];
  interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
    this.calls.push(call);
    return next(call);
  }
  onWorkflowCallAttempt(attempt: WorkflowCallAttempt): void {
    this.attempts.push(attempt);
  }
  clear(): void {
    this.calls.length = 0;
    this.attempts.length = 0;
  }
}

/** Lets every call through the chain, and refuses the second attempt of any. */
class NoSecondTry implements WorkflowInterceptor {
  readonly deterministic = true;
  onWorkflowCallAttempt(attempt: WorkflowCallAttempt): void {
    if (attempt.attempt === 2) throw new RangeError(`no ${attempt.attemptId} after ${(attempt.previousFailure as ActivityFailure).reason}`);
  }
}

const watcher = new Watcher();
const flaky = { retry: { maximumAttempts: 3, initialInterval: 2 } };

@UseInterceptors(watcher)
@Workflow('Mixed', '1')
class Mixed {
  @Lambda('echo') echo!: LambdaCall<string, string>;
  @Activity({ name: 'charge', version: '1' }) charge!: ActivityCall<number, string>;
  @ChildWorkflow({ name: 'Ship', version: '1' }) ship!: ChildWorkflowCall<string, string>;
  async run(): Promise<string[]> {
    return Promise.all([this.echo('a'), this.charge(1), this.ship('box')]);
  }
}

@UseInterceptors(watcher)
@Workflow('Flaky', '1')
class Flaky {
  @Activity({ name: 'charge', version: '1' }, flaky) charge!: ActivityCall<number, string>;
  async run(): Promise<string> {
    return this.charge(5);
  }
}

@UseInterceptors(watcher, NoSecondTry)
@Workflow('OneTry', '1')
class OneTry {
  @Activity({ name: 'charge', version: '1' }, flaky) charge!: ActivityCall<number, string>;
  async run(): Promise<string> {
    return this.charge(5).catch((error: Error) => `refused: ${error.message}`);
  }
}

const ids = (seen: readonly (WorkflowCallInfo | WorkflowCallAttempt)[]) =>
  seen.map((c) => ({ callId: c.callId, attempt: c.attempt, ...('attemptId' in c ? { attemptId: c.attemptId } : {}) }));

/** Runs `Flaky` (or another workflow with its charge activity) until its third attempt of `charge` completes. */
async function thirdAttemptSucceeds(type: typeof Flaky | typeof OneTry = Flaky): Promise<HistoryBuilder> {
  const h = HistoryBuilder.start(undefined, {
    workflowType: { name: type.name, version: '1' },
    workflowId: 'w-1',
    runId: 'r-1',
  }).decisionTask();
  const step = async (next: (decided: HistoryBuilder) => HistoryBuilder) =>
    next(h.completed((await decide(type, h.task())).decisions)).decisionTask();
  await step((d) => d.activityStarted('activity1').activityFailed('activity1', 'GatewayDown'));
  await step((d) => d.wait(2).timerFired('timer1'));
  await step((d) => d.activityStarted('activity1#2').activityFailed('activity1#2', 'GatewayDown'));
  await step((d) => d.wait(4).timerFired('timer2'));
  await step((d) => d.activityStarted('activity1#3').activityCompleted('activity1#3', 'receipt-9'));
  return h;
}

describe('Workflow interceptors: call ids and attempts', () => {
  beforeEach(() => watcher.clear());

  it('see the id each call’s decision carries, at attempt 1, for a Lambda, an activity and a child workflow', async () => {
    const { decisions } = await decide(
      Mixed,
      HistoryBuilder.start(undefined, { workflowType: { name: 'Mixed', version: '1' }, workflowId: 'w-1', runId: 'r-1' })
        .decisionTask()
        .task(),
    );
    const sent = [
      decisions[0].scheduleLambdaFunctionDecisionAttributes?.id,
      decisions[1].scheduleActivityTaskDecisionAttributes?.activityId,
      decisions[2].startChildWorkflowExecutionDecisionAttributes?.workflowId,
    ];
    expect(sent).to.deep.equal(['lambda1', 'activity1', 'w-1-child1']);
    expect(watcher.calls.map((c) => [c.kind, c.callId, c.attempt])).to.deep.equal([
      ['lambda', 'lambda1', 1],
      ['activity', 'activity1', 1],
      ['child-workflow', 'w-1-child1', 1],
    ]);
    expect(watcher.attempts.map((a) => [a.kind, a.callId, a.attemptId, a.attempt, a.delaySeconds])).to.deep.equal([
      ['lambda', 'lambda1', 'lambda1', 1, 0],
      ['activity', 'activity1', 'activity1', 1, 0],
      ['child-workflow', 'w-1-child1', 'w-1-child1', 1, 0],
    ]);
  });

  it('see each attempt of a retried activity, with its id, the failure before it and its back-off, and the call once', async () => {
    await thirdAttemptSucceeds();
    const made = watcher.attempts.filter((a) => !a.isReplaying);
    expect(made.map((a) => [a.callId, a.attemptId, a.attempt, a.delaySeconds])).to.deep.equal([
      ['activity1', 'activity1', 1, 0],
      ['activity1', 'activity1#2', 2, 2],
      ['activity1', 'activity1#3', 3, 4],
    ]);
    expect(made.map((a) => (a.previousFailure as ActivityFailure | undefined)?.reason)).to.deep.equal([
      undefined,
      'GatewayDown',
      'GatewayDown',
    ]);
    expect(made[1].previousFailure).to.be.instanceOf(ActivityFailure);
    // The chain wraps the call as the workflow made it: once per run of the workflow code.
    expect(watcher.calls.filter((c) => !c.isReplaying).map((c) => [c.callId, c.attempt])).to.deep.equal([['activity1', 1]]);
  });

  it('see on replay the same ids and attempts as the first run, told that it is a replay', async () => {
    const h = await thirdAttemptSucceeds();
    const first = watcher.attempts.filter((a) => !a.isReplaying);
    watcher.clear();
    const replay = await replayHistory(Flaky, h.events, { workflowId: 'w-1', runId: 'r-1' });
    expect(replay.decisions.map((d) => d.decisionType)).to.deep.equal(['CompleteWorkflowExecution']);
    expect(ids(watcher.attempts)).to.deep.equal(ids(first));
    expect(watcher.attempts.map((a) => a.isReplaying)).to.deep.equal([true, true, true]);
    expect(ids(watcher.calls)).to.deep.equal([{ callId: 'activity1', attempt: 1 }]);
    expect(watcher.calls[0].isReplaying).to.equal(true);

    const mixed = HistoryBuilder.start(undefined, { workflowType: { name: 'Mixed', version: '1' }, workflowId: 'w-1' }).decisionTask();
    mixed.completed((await decide(Mixed, mixed.task())).decisions);
    watcher.clear();
    await replayHistory(Mixed, mixed.events, { workflowId: 'w-1' });
    expect(watcher.calls.map((c) => [c.callId, c.isReplaying])).to.deep.equal([
      ['lambda1', true],
      ['activity1', true],
      ['w-1-child1', true],
    ]);
  });

  it('veto the second attempt before its back-off: no timer, no attempt, the call rejects, the same way on every replay', async () => {
    const h = HistoryBuilder.start(undefined, {
      workflowType: { name: 'OneTry', version: '1' },
      workflowId: 'w-1',
      runId: 'r-1',
    }).decisionTask();
    const first = await decide(OneTry, h.task());
    expect(decisionTypes(first.decisions)).to.deep.equal(['ScheduleActivityTask']);
    h.completed(first.decisions).activityStarted('activity1').activityFailed('activity1', 'GatewayDown').decisionTask();
    const second = await decide(OneTry, h.task());
    expect(decisionTypes(second.decisions)).to.deep.equal(['CompleteWorkflowExecution']);
    expect(JSON.parse(second.decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal(
      'refused: no activity1#2 after GatewayDown',
    );
    // The watcher, before the veto in the chain, heard of the attempt that was refused.
    expect(ids(watcher.attempts.filter((a) => !a.isReplaying))).to.deep.equal([
      { callId: 'activity1', attempt: 1, attemptId: 'activity1' },
      { callId: 'activity1', attempt: 2, attemptId: 'activity1#2' },
    ]);
    const again = await decide(OneTry, h.task());
    expect(again.decisions).to.deep.equal(second.decisions);
    h.completed(second.decisions);
    const replay = await replayHistory(OneTry, h.events, { workflowId: 'w-1', runId: 'r-1' });
    expect(replay.status).to.equal('closed');
  });

  it('reserve a call’s id as the workflow makes it, so a vetoed call uses its number up and an async one keeps its place', async () => {
    class Slow implements WorkflowInterceptor {
      readonly deterministic = true;
      async interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
        if (call.input === 'veto') throw new RangeError('vetoed');
        if (call.input === 'late') await Promise.resolve();
        return next(call);
      }
    }
    @UseInterceptors(Slow)
    @Workflow('Ordered', '1')
    class Ordered {
      @Lambda('echo') echo!: LambdaCall<string, string>;
      async run(): Promise<void> {
        void this.echo('veto').catch(() => undefined);
        void this.echo('late');
        void this.echo('now');
      }
    }
    const { decisions } = await decide(
      Ordered,
      HistoryBuilder.start(undefined, { workflowType: { name: 'Ordered', version: '1' } })
        .decisionTask()
        .task(),
    );
    const sent = decisions.map((d) => [d.scheduleLambdaFunctionDecisionAttributes?.id, d.scheduleLambdaFunctionDecisionAttributes?.input]);
    expect(sent.filter(([id]) => id !== undefined)).to.deep.equal([
      ['lambda3', '"now"'],
      ['lambda2', '"late"'],
    ]);
  });

  it('may call next only once per call, and are told why', async () => {
    class Twice implements WorkflowInterceptor {
      readonly deterministic = true;
      async interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
        await next(call).catch(() => undefined);
        return next(call);
      }
    }
    @UseInterceptors(Twice)
    @Workflow('Twice', '1')
    class TwiceWorkflow {
      @Lambda('echo') echo!: LambdaCall<string, string>;
      async run(): Promise<string> {
        return this.echo('x').catch((error: Error) => error.message);
      }
    }
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Twice', version: '1' } }).decisionTask();
    h.completed((await decide(TwiceWorkflow, h.task())).decisions)
      .lambdaStarted('lambda1')
      .lambdaFailed('lambda1', 'Boom')
      .decisionTask();
    const { decisions } = await decide(TwiceWorkflow, h.task());
    expect(JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal(
      'A workflow interceptor called next() twice for echo (lambda1) in Twice@1; a call is made once. ' +
        'To try it again, give it a retry policy (onWorkflowCallAttempt sees each attempt), or call the member again.',
    );
  });
});
