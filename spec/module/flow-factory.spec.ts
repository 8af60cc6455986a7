import 'reflect-metadata';
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { injectable } from 'tsyringe';
import { RegisterWorkflowTypeCommand, type HistoryEvent } from '@aws-sdk/client-swf';
import {
  FlowFactory,
  WorkerModule,
  WorkflowClient,
  WorkflowExecutionCanceledError,
  WorkflowExecutionFailedError,
  WorkflowExecutionTerminatedError,
  type FlowApp,
  type OnModuleDestroy,
  type OnModuleInit,
} from '../../index';
import { InProcessLambdaInvoker, LocalSwfService, ManualClock, TimeSkipper } from '../../lib/local';
import { TRANSPORTS, type LocalTransport } from '../helpers/local-transports';
import { RecordingLogger } from '../helpers/quiet-logger';
import { Cruncher, Doubler, Exploder, Nester, Sleeper, SpecModule, abortedCrunches, specLambdas } from './fixtures/test-workflows';

const options = (local: LocalTransport) => ({
  domain: 'spec',
  taskList: 'spec-decider',
  swfClient: local.client(),
  registerDomain: true,
  logger: new RecordingLogger(),
  handleSignals: false,
});

async function waitForEvent(client: WorkflowClient, workflowId: string, runId: string, type: string): Promise<HistoryEvent[]> {
  for (let i = 0; i < 400; i++) {
    const events = await client.history(workflowId, runId);
    if (events.some((e) => e.eventType === type)) return events;
    await delay(25);
  }
  throw new Error(`${type} never appeared in ${workflowId}`);
}

for (const transport of TRANSPORTS) {
  describe(`FlowFactory and the workers (${transport.name})`, () => {
    let local: LocalTransport;
    let app: FlowApp;
    let client: WorkflowClient;
    let logger: RecordingLogger;

    before(async () => {
      logger = new RecordingLogger();
      const lambdaInvoker = new InProcessLambdaInvoker();
      lambdaInvoker.register('double', specLambdas.double as (input: unknown) => unknown);
      local = await transport.start({ lambdaInvoker });
      app = await FlowFactory.create(SpecModule, { ...options(local), logger, activityConcurrency: 4 });
      client = app.get(WorkflowClient);
    });

    after(async () => {
      await app?.close();
      await local?.close();
    });

    it('fails the workflow when an activity throws, with the error name, message and stack', async () => {
      const run = await client.start(Exploder, 'out of range');
      const error = (await run.result({ timeoutMs: 20_000 }).catch((e: unknown) => e)) as WorkflowExecutionFailedError;
      expect(error).to.be.instanceOf(WorkflowExecutionFailedError);
      const events = await run.history();
      const failed = events.find((e) => e.eventType === 'ActivityTaskFailed')?.activityTaskFailedEventAttributes;
      expect(failed?.reason).to.equal('RangeError: out of range');
      expect(failed?.details).to.contain('FlakyActivities.explode');
      expect(error.reason).to.contain('out of range');
    });

    it('completes 100 concurrent executions, each with its own result', async () => {
      const runs = await Promise.all(Array.from({ length: 100 }, (_, n) => client.start(Doubler, n)));
      const results = await Promise.all(runs.map((run) => run.result({ timeoutMs: 60_000 })));
      expect(results).to.deep.equal(Array.from({ length: 100 }, (_, n) => n * 2));
    });

    it('terminates an execution through the client', async () => {
      const run = await client.start(Sleeper, 3600);
      await waitForEvent(client, run.workflowId, run.runId!, 'TimerStarted');
      await run.terminate({ reason: 'spec says stop', details: 'no more sleeping' });
      const error = await run.result({ timeoutMs: 10_000 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(WorkflowExecutionTerminatedError);
      expect((error as WorkflowExecutionTerminatedError).reason).to.equal('spec says stop');
    });

    it('cancels an execution through the client: the workflow closes as canceled', async () => {
      const run = await client.start(Sleeper, 3600);
      await waitForEvent(client, run.workflowId, run.runId!, 'TimerStarted');
      await run.cancel();
      const error = await run.result({ timeoutMs: 10_000 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(WorkflowExecutionCanceledError);
      const types = (await run.history()).map((e) => e.eventType);
      expect(types).to.include.members(['WorkflowExecutionCancelRequested', 'TimerCanceled', 'WorkflowExecutionCanceled']);
    });

    it('cancels an execution through the client: its running activity is asked to stop, stops, and then the workflow closes', async () => {
      const run = await client.start(Cruncher, 10_000);
      await waitForEvent(client, run.workflowId, run.runId!, 'ActivityTaskStarted');
      await run.cancel();
      const error = await run.result({ timeoutMs: 10_000 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(WorkflowExecutionCanceledError);
      expect(abortedCrunches).to.include(run.workflowId);
      const types = (await run.history()).map((e) => e.eventType as string);
      const sequence = [
        'WorkflowExecutionCancelRequested',
        'ActivityTaskCancelRequested',
        'ActivityTaskCanceled',
        'WorkflowExecutionCanceled',
      ];
      const positions = sequence.map((type) => types.indexOf(type));
      expect(
        positions.every((p) => p >= 0),
        types.join(', '),
      ).to.equal(true);
      expect(positions, types.join(', ')).to.deep.equal([...positions].sort((a, b) => a - b));
    });

    it('cancels an execution through the client: its child is asked to cancel, closes as canceled, and so does the parent', async () => {
      const run = await client.start(Nester, 3600);
      const started = await waitForEvent(client, run.workflowId, run.runId!, 'ChildWorkflowExecutionStarted');
      const child = started.find((e) => e.eventType === 'ChildWorkflowExecutionStarted')!.childWorkflowExecutionStartedEventAttributes!;
      await run.cancel();
      const error = await run.result({ timeoutMs: 10_000 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(WorkflowExecutionCanceledError);
      const types = (await run.history()).map((e) => e.eventType as string);
      const sequence = [
        'WorkflowExecutionCancelRequested',
        'RequestCancelExternalWorkflowExecutionInitiated',
        'ExternalWorkflowExecutionCancelRequested',
        'ChildWorkflowExecutionCanceled',
        'WorkflowExecutionCanceled',
      ];
      const positions = sequence.map((type) => types.indexOf(type));
      expect(
        positions.every((p) => p >= 0),
        types.join(', '),
      ).to.equal(true);
      expect(positions, types.join(', ')).to.deep.equal([...positions].sort((a, b) => a - b));
      const childTypes = (await client.history(child.workflowExecution!.workflowId!, child.workflowExecution!.runId!)).map(
        (e) => e.eventType,
      );
      expect(childTypes).to.include.members(['WorkflowExecutionCancelRequested', 'TimerCanceled', 'WorkflowExecutionCanceled']);
    });

    it('signals an execution through the client: the signal and its input are in history', async () => {
      const run = await client.start(Sleeper, 1);
      await client.signal(run.workflowId, 'wake-up', { loud: true });
      expect(await run.result({ timeoutMs: 10_000 })).to.equal('slept 1');
      const signaled = (await run.history()).find((e) => e.eventType === 'WorkflowExecutionSignaled');
      expect(signaled?.workflowExecutionSignaledEventAttributes).to.include({ signalName: 'wake-up', input: '{"loud":true}' });
    });

    it('leaves a decision task of a type it does not serve alone, saying so in one log line', async () => {
      await app.swf.send(
        new RegisterWorkflowTypeCommand({
          domain: 'spec',
          name: 'Stranger',
          version: '1',
          defaultTaskList: { name: 'spec-decider' },
          defaultTaskStartToCloseTimeout: '60',
          defaultExecutionStartToCloseTimeout: '60',
          defaultChildPolicy: 'TERMINATE',
        }),
      );
      const run = await client.start({ name: 'Stranger', version: '1' });
      await waitForEvent(client, run.workflowId, run.runId!, 'DecisionTaskStarted');
      for (let i = 0; i < 100 && !logger.find('does not serve'); i++) await delay(10);
      const line = logger.find('does not serve');
      expect(line?.level).to.equal('error');
      expect(line?.fields).to.include({ workflowType: 'Stranger 1', workflowId: run.workflowId, runId: run.runId });
      const types = (await run.history()).map((e) => e.eventType);
      expect(types).not.to.include('DecisionTaskCompleted');
      await run.terminate();
    });

    it('describes and lists executions through the client', async () => {
      const run = await client.start(Sleeper, 3600, { tagList: ['listed'] });
      const detail = await run.describe();
      expect(detail.executionInfo?.executionStatus).to.equal('OPEN');
      const open = await client.list({ status: 'open', tag: 'listed' });
      expect(open.map((info) => info.execution?.workflowId)).to.include(run.workflowId);
      await run.terminate();
      const closed = await client.list({ status: 'closed', closeStatus: 'TERMINATED' });
      expect(closed.map((info) => info.execution?.workflowId)).to.include(run.workflowId);
    });

    it('carries on after the workers are stopped mid-execution and started again', async () => {
      const run = await client.start(Sleeper, 1);
      await waitForEvent(client, run.workflowId, run.runId!, 'TimerStarted');
      await app.close();
      app = await FlowFactory.create(SpecModule, { ...options(local), swfClient: local.client() });
      client = app.get(WorkflowClient);
      expect(await run.result({ timeoutMs: 20_000 })).to.equal('slept 1');
    });
  });
}

describe('a worker process killed mid-execution (HTTP)', () => {
  const children: ChildProcess[] = [];
  after(() => children.forEach((child) => child.kill('SIGKILL')));

  it('leaves nothing lost: a new process finishes the execution', async function () {
    this.timeout(60_000);
    const local = await TRANSPORTS[1].start();
    const clientApp = await FlowFactory.create(SpecModule, { ...options(local), workers: false });
    const spawnWorker = () => {
      const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'worker-process.js'), local.url!], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
      });
      return { child, ready };
    };
    try {
      const client = clientApp.get(WorkflowClient);
      const first = spawnWorker();
      await first.ready;
      const run = await client.start(Sleeper, 2);
      await waitForEvent(client, run.workflowId, run.runId!, 'TimerStarted');
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      const second = spawnWorker();
      await second.ready;
      try {
        expect(await run.result({ timeoutMs: 30_000 })).to.equal('slept 2');
      } finally {
        second.child.kill('SIGTERM');
      }
    } finally {
      await clientApp.close();
      await local.close();
    }
  });
});

describe('FlowFactory', () => {
  it('runs providers’ init hooks in order before the workers start, and destroy hooks in reverse on close', async () => {
    const calls: string[] = [];
    @injectable()
    class First implements OnModuleInit, OnModuleDestroy {
      onModuleInit(): void {
        calls.push('init first');
      }
      async onModuleDestroy(): Promise<void> {
        calls.push('destroy first');
      }
    }
    @injectable()
    class Second implements OnModuleInit, OnModuleDestroy {
      constructor(readonly first: First) {}
      async onModuleInit(): Promise<void> {
        await delay(5);
        calls.push('init second');
      }
      onModuleDestroy(): void {
        calls.push('destroy second');
      }
    }
    @WorkerModule({ imports: [SpecModule], providers: [First, Second] })
    class HookedModule {}
    const app = await FlowFactory.create(HookedModule, {
      domain: 'hooks',
      taskList: 'hooks',
      local: true,
      logger: new RecordingLogger(),
      handleSignals: false,
    });
    expect(calls).to.deep.equal(['init first', 'init second']);
    expect(app.get(Second).first).to.equal(app.get(First));
    await app.close();
    expect(calls).to.deep.equal(['init first', 'init second', 'destroy second', 'destroy first']);
  });

  it('makes a client-only app that starts no workers, served by workers elsewhere', async () => {
    const lambdaInvoker = new InProcessLambdaInvoker().register('double', specLambdas.double as (input: unknown) => unknown);
    const serviceWithLambdas = await TRANSPORTS[0].start({ lambdaInvoker });
    const workers = await FlowFactory.create(SpecModule, options(serviceWithLambdas));
    const logger = new RecordingLogger();
    const clientOnly = await FlowFactory.create(SpecModule, { ...options(serviceWithLambdas), logger, workers: false });
    try {
      const run = await clientOnly.get(WorkflowClient).start(Doubler, 4);
      expect(await run.result({ timeoutMs: 10_000 })).to.equal(8);
      expect(logger.find('decider polling')).to.equal(undefined);
      expect(logger.find('activity worker polling')).to.equal(undefined);
    } finally {
      await clientOnly.close();
      await workers.close();
      await serviceWithLambdas.close();
    }
  });

  it('finishes a day-long sleep at once on a manual clock with time skipping', async () => {
    const clock = new ManualClock();
    const service = new LocalSwfService({ clock });
    const skipper = new TimeSkipper(service.backend, clock).start();
    const app = await FlowFactory.create(SpecModule, {
      domain: 'skipping',
      taskList: 'spec-decider',
      swfClient: service.client(),
      registerDomain: true,
      logger: new RecordingLogger(),
      handleSignals: false,
    });
    try {
      const run = await app.get(WorkflowClient).start(Sleeper, 86_400);
      expect(await run.result({ timeoutMs: 10_000 })).to.equal('slept 86400');
      const events = await run.history();
      const started = events.find((e) => e.eventType === 'TimerStarted')!.eventTimestamp!.getTime();
      const fired = events.find((e) => e.eventType === 'TimerFired')!.eventTimestamp!.getTime();
      expect(fired - started).to.equal(86_400_000);
    } finally {
      skipper.stop();
      await app.close();
      await service.close();
    }
  });

  it('stops by itself after maxTime and resolves app.closed', async () => {
    const app = await FlowFactory.create(SpecModule, {
      domain: 'max-time',
      taskList: 't',
      local: true,
      maxTime: 0.2,
      logger: new RecordingLogger(),
      handleSignals: false,
    });
    await app.closed;
  });

  it('rejects decider cache and history-page options it cannot use, naming them', async () => {
    const create = (extra: object) =>
      FlowFactory.create(SpecModule, {
        domain: 'd',
        taskList: 't',
        local: true,
        handleSignals: false,
        logger: new RecordingLogger(),
        ...extra,
      }).catch((e: unknown) => e as Error);
    expect(((await create({ deciderCacheBytes: -1 })) as Error).message)
      .to.contain('deciderCacheBytes')
      .and.contain('got -1');
    expect(((await create({ deciderCacheSize: 1.5 })) as Error).message)
      .to.contain('deciderCacheSize')
      .and.contain('got 1.5');
    expect(((await create({ deciderHistoryPages: 'xml' })) as Error).message).to.equal(
      "The decider's historyPages (deciderHistoryPages in FlowFactory's options) must be 'json' or 'sdk', got \"xml\".",
    );
  });

  it('runs a workflow with the SDK’s history-page reader and a small cache budget', async () => {
    const app = await FlowFactory.create(SpecModule, {
      domain: 'pages',
      taskList: 'pages-spec',
      local: { lambdas: specLambdas },
      handleSignals: false,
      logger: new RecordingLogger(),
      deciderHistoryPages: 'sdk',
      deciderCacheBytes: 64 * 1024,
    });
    try {
      const run = await app.get(WorkflowClient).start(Doubler, 21);
      expect(await run.result({ timeoutMs: 20_000 })).to.equal(42);
    } finally {
      await app.close();
    }
  });

  it('rejects an invalid module before connecting to anything', async () => {
    class NotAModule {}
    const error = await FlowFactory.create(NotAModule, { domain: 'd', taskList: 't', local: true }).catch((e: unknown) => e);
    expect((error as Error).message).to.equal('NotAModule is not a module: decorate it with @WorkerModule({ … }).');
  });
});
