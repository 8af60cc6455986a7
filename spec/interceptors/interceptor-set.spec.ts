import 'reflect-metadata';
import { expect } from 'chai';
import { injectable } from 'tsyringe';
import {
  Activities,
  Activity,
  FlowFactory,
  UseInterceptors,
  WorkerModule,
  Workflow,
  WorkflowClient,
  WorkflowExecutionFailedError,
  type ActivityCall,
  type ActivityContext,
  type ActivityCallInfo,
  type ActivityInterceptor,
  type ActivityTaskInfo,
  type ActivityTaskReport,
  type ClientCallInfo,
  type ClientInterceptor,
  type DecisionTaskInfo,
  type DecisionTaskReport,
  type FlowApp,
  type PollEvent,
  type WorkerInterceptor,
} from '../../index';
import { RecordingLogger } from '../helpers/quiet-logger';

@injectable()
class Audit {
  readonly entries: string[] = [];
}

/** A per-class interceptor with a dependency: resolved from the app's container. */
@injectable()
class AuditInterceptor implements ActivityInterceptor {
  constructor(private readonly audit: Audit) {}
  interceptActivity(call: ActivityCallInfo, next: (call: ActivityCallInfo) => Promise<unknown>): Promise<unknown> {
    this.audit.entries.push(`${call.type} ${JSON.stringify(call.input)} attempt ${call.attempt} of ${call.workflowId}`);
    return next(call);
  }
}

/** Refuses negative numbers before the method runs. */
class NoNegatives implements ActivityInterceptor {
  interceptActivity(call: ActivityCallInfo, next: (call: ActivityCallInfo) => Promise<unknown>): Promise<unknown> {
    if ((call.input as { a: number }).a < 0) throw new RangeError('negative numbers are refused');
    return next(call);
  }
}

/** Tags every start. */
class TagStarts implements ClientInterceptor {
  readonly calls: string[] = [];
  interceptClient(call: ClientCallInfo, next: (call: ClientCallInfo) => Promise<unknown>): Promise<unknown> {
    this.calls.push(call.kind);
    if (call.kind !== 'start') return next(call);
    return next({ ...call, options: { ...call.options, tagList: [...(call.options.tagList ?? []), 'tenant:acme'] } });
  }
}

/** Remembers what the workers reported. */
class TaskWatcher implements WorkerInterceptor {
  readonly decisions: (DecisionTaskReport & { runId: string; eventsPolled: number })[] = [];
  readonly activities: (ActivityTaskReport & { type: string })[] = [];
  readonly polls: PollEvent[] = [];
  async interceptDecisionTask(task: DecisionTaskInfo, next: (task: DecisionTaskInfo) => Promise<DecisionTaskReport>) {
    const report = await next(task);
    this.decisions.push({ ...report, runId: task.runId, eventsPolled: task.eventsFetched });
    return report;
  }
  async interceptActivityTask(task: ActivityTaskInfo, next: (task: ActivityTaskInfo) => Promise<ActivityTaskReport>) {
    const report = await next(task);
    this.activities.push({ ...report, type: task.type });
    return report;
  }
  onPoll(event: PollEvent): void {
    this.polls.push(event);
  }
}

@UseInterceptors(AuditInterceptor)
@Activities({ version: '1', prefix: 'math', defaultTaskList: 'interceptor-spec-activities', defaultTaskStartToCloseTimeout: 30 })
class MathActivities {
  @Activity()
  async add(input: { a: number; b: number }): Promise<number> {
    return input.a + input.b;
  }

  /** Answered later, through the client, by whoever holds the token. */
  @Activity()
  async later(_input: { a: number; b: number }, context: ActivityContext): Promise<number> {
    pendingTokens.push(context.taskToken);
    return context.completeLater();
  }
}

const pendingTokens: string[] = [];

@Workflow('AddLater', '1')
class AddLater {
  @Activity(MathActivities, 'later') later!: ActivityCall<{ a: number; b: number }, number>;
  async run(input: { a: number; b: number }): Promise<number> {
    return this.later(input);
  }
}

@Workflow('AddTwice', '1')
class AddTwice {
  @Activity(MathActivities, 'add') add!: ActivityCall<{ a: number; b: number }, number>;
  async run(input: { a: number; b: number }): Promise<number> {
    const once = await this.add(input);
    return this.add({ a: once, b: input.b });
  }
}

const tagStarts = new TagStarts();
const watcher = new TaskWatcher();

@WorkerModule({
  workflows: [AddTwice, AddLater],
  activities: [MathActivities],
  providers: [Audit],
  interceptors: [NoNegatives, tagStarts, watcher],
})
class InterceptedModule {}

describe('Interceptors in an application', () => {
  let app: FlowApp;
  let client: WorkflowClient;

  before(async () => {
    app = await FlowFactory.create(InterceptedModule, {
      domain: 'interceptors',
      taskList: 'interceptor-spec',
      local: true,
      logger: new RecordingLogger(),
      handleSignals: false,
    });
    client = app.get(WorkflowClient);
  });

  after(() => app?.close());

  it('run activity calls through the module’s and the class’s interceptors, resolved from the container', async () => {
    const run = await client.start(AddTwice, { a: 1, b: 2 }, { workflowId: 'add-1' });
    expect(await run.result({ timeoutMs: 20_000 })).to.equal(5);
    expect(app.get(Audit).entries).to.deep.equal([
      'math.add@1 {"a":1,"b":2} attempt 1 of add-1',
      'math.add@1 {"a":3,"b":2} attempt 1 of add-1',
    ]);
  });

  it('let an activity interceptor veto a call: the task fails with its error', async () => {
    const run = await client.start(AddTwice, { a: -1, b: 2 });
    const error = (await run.result({ timeoutMs: 20_000 }).catch((e: unknown) => e)) as WorkflowExecutionFailedError;
    expect(error).to.be.instanceOf(WorkflowExecutionFailedError);
    const failed = (await run.history()).find((e) => e.eventType === 'ActivityTaskFailed')?.activityTaskFailedEventAttributes;
    expect(failed?.reason).to.equal('RangeError: negative numbers are refused');
    expect(watcher.activities).to.deep.include({
      outcome: 'failed',
      reason: 'RangeError: negative numbers are refused',
      type: 'math.add@1',
    });
  });

  it('let a client interceptor change what start sends', async () => {
    const run = await client.start(AddTwice, { a: 1, b: 1 }, { tagList: ['mine'] });
    await run.result({ timeoutMs: 20_000 });
    const described = await client.describe(run.workflowId, run.runId!);
    expect(described.executionInfo?.tagList).to.deep.equal(['mine', 'tenant:acme']);
    await client.signal(run.workflowId, 'late').catch(() => undefined);
    expect(tagStarts.calls).to.include.members(['start', 'signal']);
  });

  it('tell worker interceptors when an activity was left open for later, which is no failure', async () => {
    const run = await client.start(AddLater, { a: 1, b: 1 });
    for (let i = 0; i < 200 && pendingTokens.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await client.activityCompletion(pendingTokens[0]).complete(2);
    expect(await run.result({ timeoutMs: 20_000 })).to.equal(2);
    expect(watcher.activities).to.deep.include({ outcome: 'left-open', type: 'math.later@1' });
  });

  it('tell worker interceptors how each task went: outcome, cache use, events, and each poll', async () => {
    const run = await client.start(AddTwice, { a: 2, b: 2 });
    await run.result({ timeoutMs: 20_000 });
    const mine = watcher.decisions.filter((d) => d.runId === run.runId);
    expect(mine.map((d) => d.outcome)).to.deep.equal(['completed', 'completed', 'completed']);
    // The first task builds the execution; the decider keeps it and the next ones go on from there.
    expect(mine.map((d) => d.cache)).to.deep.equal(['miss', 'hit', 'hit']);
    expect(mine[0].eventsFetched).to.equal(mine[0].eventsPolled);
    expect(mine.every((d) => d.eventsFetched > 0 && (d.eventsReplayed ?? 0) > 0 && d.decisions === 1)).to.equal(true);
    expect(watcher.activities.filter((a) => a.outcome === 'completed').length).to.be.greaterThan(1);
    expect(watcher.polls.some((p) => p.worker === 'decider' && p.result === 'task')).to.equal(true);
    expect(watcher.polls.some((p) => p.worker === 'activity' && p.taskList === 'interceptor-spec-activities')).to.equal(true);
  });
});

describe('Interceptors given to a module', () => {
  const create = (module: new () => unknown) =>
    FlowFactory.create(module, { domain: 'bad', taskList: 'bad', local: true, logger: new RecordingLogger(), handleSignals: false });

  it('must intercept something: a misspelt method is an error, not a silent no-op', async () => {
    class Misspelt {
      interceptActivty(): void {}
    }
    @WorkerModule({ workflows: [AddTwice], activities: [MathActivities], interceptors: [Misspelt] })
    class MisspeltModule {}
    const error = (await create(MisspeltModule).catch((e: unknown) => e)) as Error;
    expect(error.message).to.equal(
      '@WorkerModule interceptors: Misspelt intercepts nothing; an interceptor has at least one of interceptWorkflowCall, ' +
        'onWorkflowCallAttempt, interceptActivity, interceptClient, interceptDecisionTask, interceptActivityTask, onPoll.',
    );
  });

  it('refuse a workflow interceptor that does not declare itself deterministic', async () => {
    const sloppy = { interceptWorkflowCall: (call: unknown, next: (call: unknown) => Promise<unknown>) => next(call) };
    @WorkerModule({ workflows: [AddTwice], activities: [MathActivities], interceptors: [sloppy] })
    class SloppyModule {}
    const error = (await create(SloppyModule).catch((e: unknown) => e)) as Error;
    expect(error.message).to.match(
      /^@WorkerModule interceptors: Object intercepts workflow calls but does not declare `deterministic: true`/,
    );
  });
});
