import 'reflect-metadata';
import { expect } from 'chai';
import { container } from 'tsyringe';
import { DeciderWorker } from '../../lib/workers';
import { Lambda, Workflow, WorkflowClient, WorkflowContext, WorkflowExecutionFailedError, type LambdaCall } from '../../index';
import { TypeRegistry } from '../../lib/metadata';
import { InProcessLambdaInvoker, LocalSwfService } from '../../lib/local';
import { registerDomain } from '../../lib/workers/register-types';
import { RecordingLogger } from '../helpers/quiet-logger';

const ROLE = 'arn:aws:iam::123456789012:role/swf-lambda';

@Workflow('NullThrower', '1')
class NullThrower {
  async run(): Promise<void> {
    throw Object.create(null);
  }
}

@Workflow('SymbolThrower', '1')
class SymbolThrower {
  async run(): Promise<void> {
    throw Symbol('boom');
  }
}

@Workflow('WideFanOut', '1', { defaultLambdaRole: ROLE })
class WideFanOut {
  @Lambda('size') size!: LambdaCall<string, number>;
  async run(count: number): Promise<number> {
    const sizes = await Promise.all(Array.from({ length: count }, (_, i) => this.size(String(i).padEnd(30_000, 'x'))));
    return sizes.reduce((a, b) => a + b, 0);
  }
}

@Workflow('Forever', '1')
class Forever {
  async run(): Promise<void> {
    await new Promise(() => {});
  }
}

@Workflow('Greeter', '1', { defaultLambdaRole: ROLE })
class Greeter {
  @Lambda('size') size!: LambdaCall<string, number>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(name: string): Promise<string> {
    await this.flow.sleep(0);
    return `hello ${name} (${await this.size(name)})`;
  }
}

async function withDecider<T>(
  onStuck: 'log' | 'fail-workflow',
  body: (client: WorkflowClient, logger: RecordingLogger) => Promise<T>,
): Promise<T> {
  const lambdaInvoker = new InProcessLambdaInvoker();
  lambdaInvoker.register('size', (input: unknown) => String(input).length);
  const service = new LocalSwfService({ lambdaInvoker });
  const swf = service.client();
  await registerDomain(swf, 'resilience');
  const logger = new RecordingLogger();
  const registry = new TypeRegistry({ workflows: [NullThrower, SymbolThrower, WideFanOut, Forever, Greeter] });
  const decider = new DeciderWorker(swf, registry, container.createChildContainer(), {
    domain: 'resilience',
    taskList: 'deciders',
    identity: 'spec',
    logger,
    onStuck,
  });
  await decider.start();
  try {
    return await body(new WorkflowClient(swf, { domain: 'resilience', taskList: 'deciders', identity: 'spec' }), logger);
  } finally {
    await decider.close();
    await service.close();
  }
}

const failureOf = (promise: Promise<unknown>): Promise<WorkflowExecutionFailedError> =>
  promise.then(
    () => {
      throw new Error('expected the execution to fail');
    },
    (e: unknown) => e as WorkflowExecutionFailedError,
  );

describe('DeciderWorker against workflows that misbehave (end to end)', () => {
  it('fails the executions that throw non-Errors, splits a 1.2 MB response, and goes on serving others', async () => {
    await withDecider('log', async (client) => {
      const nul = await failureOf((await client.start(NullThrower, undefined)).result({ timeoutMs: 10_000 }));
      expect(nul).to.be.instanceOf(WorkflowExecutionFailedError);
      expect(nul.reason).to.match(/^NonErrorThrown: a non-Error value was thrown: \{\}/);
      const sym = await failureOf((await client.start(SymbolThrower, undefined)).result({ timeoutMs: 10_000 }));
      expect(sym.reason).to.equal('NonErrorThrown: a non-Error value was thrown: Symbol(boom)');

      const wide = await client.start(WideFanOut, 40);
      expect(await wide.result({ timeoutMs: 20_000 })).to.equal(40 * 30_000);
      const timers = (await wide.history()).filter((e) => e.eventType === 'TimerStarted');
      expect(timers.map((e) => e.timerStartedEventAttributes!.timerId)).to.deep.equal(['tsflow-continue-1']);

      expect(await (await client.start(Greeter, 'ada')).result({ timeoutMs: 10_000 })).to.equal('hello ada (3)');
    });
  });

  it('logs one error naming a workflow that waits on nothing, and keeps serving others', async () => {
    await withDecider('log', async (client, logger) => {
      const stuck = await client.start(Forever, undefined);
      expect(await (await client.start(Greeter, 'bo')).result({ timeoutMs: 10_000 })).to.equal('hello bo (2)');
      for (let i = 0; i < 200 && !logger.find('workflow waits on nothing'); i++) await new Promise((r) => setTimeout(r, 10));
      const line = logger.find('workflow waits on nothing that can settle');
      expect(line?.level).to.equal('error');
      expect(line?.fields).to.include({ workflowType: 'Forever 1', runId: stuck.runId });
      expect(String(line?.fields?.where)).to.match(/^Workflow Forever@1 .* waits at event 3 on something nothing can settle/);
      expect((await stuck.describe()).executionInfo?.executionStatus).to.equal('OPEN');
    });
  });

  it("fails such a workflow with onStuck: 'fail-workflow'", async () => {
    await withDecider('fail-workflow', async (client) => {
      const failure = await failureOf((await client.start(Forever, undefined)).result({ timeoutMs: 10_000 }));
      expect(failure.reason).to.equal('StuckWorkflow: the workflow waits on nothing that can settle');
    });
  });
});
