import 'reflect-metadata';
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { FlowFactory, WorkflowClient, type FlowApp, type WorkflowHandle } from '../../index';
import { TRANSPORTS, type LocalTransport } from '../helpers/local-transports';
import { RecordingLogger } from '../helpers/quiet-logger';
import { ReliabilityModule, Resilient } from './fixtures/reliability-workflows';
import { reportFigures } from './report-figures';

type Role = 'decider' | 'activities';

describe('kill -9 of decider and activity worker processes mid-run (HTTP)', () => {
  const DOMAIN = 'kill';
  let local: LocalTransport;
  let clientApp: FlowApp;
  const children = new Set<ChildProcess>();
  let kills = 0;

  before(async () => {
    local = await TRANSPORTS[1].start();
    clientApp = await FlowFactory.create(ReliabilityModule, {
      domain: DOMAIN,
      taskList: 'reliability',
      swfClient: local.client(),
      registerDomain: true,
      workers: false,
      logger: new RecordingLogger(),
      handleSignals: false,
    });
  });

  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await clientApp?.close();
    await local?.close();
  });

  async function spawnWorker(role: Role): Promise<ChildProcess> {
    const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'worker-process.js'), local.url!, DOMAIN, role], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`${role} worker exited early with ${code}`)));
    });
    return child;
  }

  async function kill(child: ChildProcess): Promise<void> {
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    children.delete(child);
    kills += 1;
  }

  /** Waits until every run's history has `count` events of `type`. */
  async function untilAll(runs: WorkflowHandle<number>[], type: string, count = 1): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const histories = await Promise.all(runs.map((run) => run.history()));
      if (histories.every((events) => events.filter((e) => e.eventType === type).length >= count)) return;
      await delay(20);
    }
    throw new Error(`not every run reached ${count} × ${type}`);
  }

  it('loses and duplicates nothing: activity worker killed mid-activity, decider mid-timer and with activities in flight, both at once', async function () {
    this.timeout(90_000);
    const client = clientApp.get(WorkflowClient);
    let decider = await spawnWorker('decider');
    let activities = await spawnWorker('activities');
    const runs = await Promise.all([1, 2, 3, 4].map((n) => client.start(Resilient, n * 10)));

    // 1. The activity worker dies with the first activities running: they time out, and the workflows try again.
    await untilAll(runs, 'ActivityTaskStarted');
    await kill(activities);
    activities = await spawnWorker('activities');
    // 2. The decider dies while the timers run.
    await untilAll(runs, 'TimerStarted');
    await kill(decider);
    decider = await spawnWorker('decider');
    // 3. The decider dies again with the second activities in flight, which complete with no decider there.
    await untilAll(runs, 'TimerFired');
    await untilAll(runs, 'ActivityTaskStarted', 2);
    await kill(decider);
    // 4. And the activity worker, idle or not, right after.
    await kill(activities);
    await spawnWorker('activities');
    await spawnWorker('decider');

    const results = await Promise.all(runs.map((run) => run.result({ timeoutMs: 60_000 })));
    expect(results).to.deep.equal([12, 22, 32, 42]);
    for (const run of runs) {
      const types = (await run.history()).map((e) => e.eventType as string);
      expect(types.filter((t) => t === 'WorkflowExecutionCompleted')).to.have.length(1);
      expect(types.filter((t) => t === 'TimerStarted')).to.have.length(1);
      expect(types.filter((t) => t === 'ActivityTaskCompleted')).to.have.length(2);
    }
    reportFigures('kill -9', { kills, executions: runs.length });
  });
});
