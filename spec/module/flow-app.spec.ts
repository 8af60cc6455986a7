import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TRANSPORTS, type LocalTransport } from '../helpers/local-transports';
import { FlowFactory, WorkerModule, WorkflowClient, injectable, type OnModuleDestroy, type OnModuleInit } from '../../index';
import { RecordingLogger } from '../helpers/quiet-logger';
import { Doubler, SpecModule, specLambdas } from './fixtures/test-workflows';

/** Runs the shutdown fixture to its exit; `signal` sends SIGTERM once it says it is ready. */
function runShutdown(mode: 'close' | 'signal', endpoint: string): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'shutdown-process.js'), mode, endpoint], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (mode === 'signal' && !signalled && out.includes('ready for SIGTERM\n')) signalled = child.kill('SIGTERM');
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, lines: out.split('\n').filter(Boolean) }));
  });
}

describe('FlowApp shutdown with an activity in flight', () => {
  let local: LocalTransport;
  before(async () => (local = await TRANSPORTS[1].start()));
  after(() => local.close());

  it('app.close() waits up to shutdownTimeoutMs, aborts the activity, runs destroy hooks, then resolves', async () => {
    const { code, lines } = await runShutdown('close', local.url!);
    expect(lines).to.deep.equal([
      'activity started',
      'closing',
      'activity aborted',
      'activities destroyed',
      'app.closed resolved',
      'after close',
    ]);
    expect(code).to.equal(0);
  });

  it('SIGTERM does the same, and app.closed resolves', async () => {
    const { code, lines } = await runShutdown('signal', local.url!);
    expect(lines).to.deep.equal([
      'activity started',
      'ready for SIGTERM',
      'activity aborted',
      'activities destroyed',
      'app.closed resolved',
      'after closed',
    ]);
    expect(code).to.equal(0);
  });
});

/** Whether anything still answers HTTP at `url`. */
async function listening(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

const localOptions = (logger: RecordingLogger) => ({
  domain: 'app',
  taskList: 'app',
  local: { lambdas: specLambdas, listen: { port: 0 } },
  logger,
  handleSignals: false,
});

describe('FlowApp', () => {
  it('is complete when create() returns: close() stops its workers, destroys its providers and stops the endpoint', async () => {
    const destroyed: string[] = [];
    @injectable()
    class Cache implements OnModuleDestroy {
      onModuleDestroy(): void {
        destroyed.push('cache');
      }
    }
    @WorkerModule({ imports: [SpecModule], providers: [Cache] })
    class AppModule {}
    const logger = new RecordingLogger();
    const app = await FlowFactory.create(AppModule, localOptions(logger));
    const url = String(logger.find('embedded SWF service listening')?.fields?.url);
    const run = await app.get(WorkflowClient).start(Doubler, 21);
    expect(await run.result({ timeoutMs: 10_000 })).to.equal(42);
    expect(await listening(url)).to.equal(true);

    await app.close();
    await app.closed;
    expect(destroyed).to.deep.equal(['cache']);
    expect(await listening(url)).to.equal(false);
    expect(logger.lines.map((line) => line.message)).to.include('tsflow app closed');
  });

  it('is closed again by create() when a provider fails to start: earlier providers are destroyed, the endpoint stops', async () => {
    const calls: string[] = [];
    @injectable()
    class Database implements OnModuleInit, OnModuleDestroy {
      onModuleInit(): void {
        calls.push('init database');
      }
      onModuleDestroy(): void {
        calls.push('destroy database');
      }
    }
    @injectable()
    class Broker implements OnModuleInit {
      onModuleInit(): void {
        throw new Error('broker unreachable');
      }
    }
    @WorkerModule({ imports: [SpecModule], providers: [Database, Broker] })
    class AppModule {}
    const logger = new RecordingLogger();
    let failure: unknown;
    await FlowFactory.create(AppModule, localOptions(logger)).catch((error: unknown) => (failure = error));
    expect((failure as Error).message).to.equal('broker unreachable');
    expect(calls).to.deep.equal(['init database', 'destroy database']);
    const url = String(logger.find('embedded SWF service listening')?.fields?.url);
    expect(await listening(url)).to.equal(false);
    expect(logger.find('decider polling')).to.equal(undefined);
  });
});
