import 'reflect-metadata';
import { expect } from 'chai';
import { container } from 'tsyringe';
import { DeprecateWorkflowTypeCommand } from '@aws-sdk/client-swf';
import { setTimeout as delay } from 'node:timers/promises';
import { DeciderWorker } from '../../lib/workers';
import {
  Lambda,
  TypeDeprecatedError,
  Workflow,
  WorkflowClient,
  WorkflowContext,
  WorkflowExecutionFailedError,
  type LambdaCall,
  type WorkflowHandle,
} from '../../index';
import { TypeRegistry } from '../../lib/metadata';
import { InProcessLambdaInvoker, LocalSwfService, ManualClock, TimeSkipper } from '../../lib/local';
import { registerDomain } from '../../lib/workers/register-types';
import { lambdas } from '../../samples/string-transformer/lambdas';
import { StringConcatter, StringTransformer } from '../../samples/string-transformer/workflows';
import { RecordingLogger } from '../helpers/quiet-logger';

async function runTransformer(cacheSize: number): Promise<{ result: string; types: string[]; hits: number; misses: number }> {
  const lambdaInvoker = new InProcessLambdaInvoker();
  for (const [name, fn] of Object.entries(lambdas)) lambdaInvoker.register(name, fn as (input: unknown) => unknown);
  const clock = new ManualClock();
  const service = new LocalSwfService({ lambdaInvoker, clock });
  const skipper = new TimeSkipper(service.backend, clock).start(); // the sample's 2-second timer fires at once
  const swf = service.client();
  await registerDomain(swf, 'decider-spec');
  const registry = new TypeRegistry({ workflows: [StringTransformer, StringConcatter] });
  const decider = new DeciderWorker(swf, registry, container.createChildContainer(), {
    domain: 'decider-spec',
    taskList: 'deciders',
    identity: 'spec',
    logger: new RecordingLogger(),
    cacheSize,
  });
  await decider.start();
  try {
    const client = new WorkflowClient(swf, { domain: 'decider-spec', taskList: 'deciders', identity: 'spec' });
    const run = await client.start(StringTransformer, ['ab', 'cd'], { workflowId: 'cached' });
    const result = await run.result({ timeoutMs: 20_000 });
    // Timing decides how events interleave with decision tasks; what was decided must not differ.
    const types = (await run.history())
      .map((e) => e.eventType!)
      .filter((t) => !t.startsWith('DecisionTask'))
      .sort();
    return { result, types, hits: decider.cache.hits, misses: decider.cache.misses };
  } finally {
    skipper.stop();
    await decider.close();
    await service.close();
  }
}

describe('DeciderWorker', () => {
  it('replays only new events on a cache hit, and decides exactly as a full replay does', async () => {
    const cached = await runTransformer(1000);
    const uncached = await runTransformer(0);
    expect(cached.result).to.equal('BADC');
    expect(uncached.result).to.equal('BADC');
    expect(cached.types).to.deep.equal(uncached.types);
    expect(cached.hits).to.be.greaterThan(2);
    expect(uncached.hits).to.equal(0);
  });
});

describe('DeciderWorker and changed code', () => {
  @Workflow('Changing', '1')
  class Before {
    constructor(private readonly flow: WorkflowContext) {}
    async run(): Promise<void> {
      await this.flow.sleep(3600);
    }
  }

  @Workflow('Changing', '1')
  class After {
    @Lambda('extra') extra!: LambdaCall<void, void>;
    constructor(private readonly flow: WorkflowContext) {}
    async run(): Promise<void> {
      await this.extra();
      await this.flow.sleep(3600);
    }
  }

  async function replayChanged(
    onNondeterminism?: 'fail-workflow',
  ): Promise<{ logger: RecordingLogger; events: string[]; run: WorkflowHandle; failure?: unknown }> {
    const service = new LocalSwfService();
    const swf = service.client();
    await registerDomain(swf, 'changes');
    const options = { domain: 'changes', taskList: 'deciders', identity: 'spec', onNondeterminism };
    const first = new DeciderWorker(swf, new TypeRegistry({ workflows: [Before] }), container.createChildContainer(), {
      ...options,
      logger: new RecordingLogger(),
    });
    await first.start();
    const client = new WorkflowClient(swf, { domain: 'changes', taskList: 'deciders', identity: 'spec' });
    const run = await client.start(Before, undefined);
    const waitFor = async (type: string): Promise<string[]> => {
      for (let i = 0; i < 200; i++) {
        const types: string[] = (await run.history()).map((e) => e.eventType!);
        if (types.includes(type)) return types;
        await delay(10);
      }
      throw new Error(`no ${type}`);
    };
    await waitFor('TimerStarted');
    await first.close();
    const logger = new RecordingLogger();
    const second = new DeciderWorker(swf, new TypeRegistry({ workflows: [After] }), container.createChildContainer(), {
      ...options,
      logger,
    });
    await second.start();
    try {
      await client.signal(run.workflowId, 'nudge');
      await waitFor('DecisionTaskStarted');
      for (let i = 0; i < 200 && !logger.find('nondeterminism'); i++) await delay(10);
      const failure = onNondeterminism ? await run.result({ timeoutMs: 5_000 }).catch((e: unknown) => e) : undefined;
      return { logger, events: (await run.history()).map((e) => e.eventType!), run, failure };
    } finally {
      await second.close();
      await service.close();
    }
  }

  it('leaves the task to time out on nondeterminism, with one log line naming type, run and cause', async () => {
    const { logger, events, run } = await replayChanged();
    const line = logger.find('nondeterminism');
    expect(line?.level).to.equal('error');
    expect(line?.message).to.equal('nondeterminism: no decisions sent; the task will time out and SWF will retry it');
    expect(line?.fields).to.include({ workflowType: 'Changing 1', runId: run.runId });
    expect(String(line?.fields?.error)).to.match(/^NondeterminismError: /);
    expect(events.at(-1)).to.equal('DecisionTaskStarted');
  });

  it("fails the execution instead with onNondeterminism: 'fail-workflow'", async () => {
    const { failure } = await replayChanged('fail-workflow');
    const error = failure as WorkflowExecutionFailedError;
    expect(error).to.be.instanceOf(WorkflowExecutionFailedError);
    expect(error.reason).to.match(/^NondeterminismError: /);
  });
});

describe('DeciderWorker registration', () => {
  it('refuses to serve a workflow type that is deprecated in SWF, saying how to fix it', async () => {
    @Workflow('Retired', '1')
    class Retired {
      async run(): Promise<void> {}
    }
    const service = new LocalSwfService();
    const swf = service.client();
    await registerDomain(swf, 'retired');
    const registry = new TypeRegistry({ workflows: [Retired] });
    const options = { domain: 'retired', taskList: 'deciders', identity: 'spec', logger: new RecordingLogger() };
    await new DeciderWorker(swf, registry, container.createChildContainer(), options).start().then(() => undefined);
    await swf.send(new DeprecateWorkflowTypeCommand({ domain: 'retired', workflowType: { name: 'Retired', version: '1' } }));
    const worker = new DeciderWorker(swf, registry, container.createChildContainer(), options);
    try {
      const error = await worker.start().catch((e: unknown) => e);
      expect(error).to.be.instanceOf(TypeDeprecatedError);
      expect((error as Error).message).to.equal(
        "Workflow type 'Retired' version '1' (Retired) is deprecated in domain retired: give the class a new version, " +
          'or undeprecate the type (UndeprecateWorkflowType).',
      );
    } finally {
      await worker.close();
      await service.close();
    }
  });
});
