import 'reflect-metadata';
import { expect } from 'chai';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FlowFactory, WorkflowClient, type FlowApp } from '../../index';
import { startDevServer, type RunningDevServer } from '../cli/support/dev-server-process';
import { httpClient } from '../helpers/local-transports';
import type { LogFields, Logger } from '../../lib/logging';
import { Pipeline, ReliabilityModule, pipelineResult } from './fixtures/reliability-workflows';
import { reportFigures } from './report-figures';

/** `npm run test:soak` sets 2,000; the default suite runs the short version. */
const EXECUTIONS = Number(process.env.TSFLOW_SOAK_EXECUTIONS ?? 80);
/** Below this many executions the heap figure is reported, not judged: too few waves to tell growth from noise. */
const JUDGED_FROM = 1_000;
const WAVE = EXECUTIONS >= JUDGED_FROM ? 200 : 40;
const WORKERS = 3;
/**
 * Each decider keeps up to this many executions, and with three deciders it
 * keeps executions another decider closed until they age out: the heap rises
 * until the caches are full. A small cache and a warm-up of two waves put the
 * baseline after that, so what the soak judges is growth beyond the bounds.
 */
const CACHE_SIZE = 200;
const WARM_UP_WAVES = 2;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Counts lines and keeps only warnings and errors: a logger that kept every line would be the leak the soak finds. */
class CountingLogger implements Logger {
  readonly counts = { debug: 0, info: 0, warn: 0, error: 0 };
  readonly errors: string[] = [];
  debug(): void {
    this.counts.debug += 1;
  }
  info(): void {
    this.counts.info += 1;
  }
  warn(): void {
    this.counts.warn += 1;
  }
  error(message: string, fields?: LogFields): void {
    this.counts.error += 1;
    if (this.errors.length < 20) this.errors.push(`${message} ${JSON.stringify(fields)}`);
  }
}

function settledHeapMb(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe(`soak: ${EXECUTIONS} executions with activities, timers, Lambdas and children across ${WORKERS} deciders and ${WORKERS} activity workers`, () => {
  let server: RunningDevServer;
  const apps: FlowApp[] = [];
  const logger = new CountingLogger();

  before(async () => {
    // The service runs in its own process: the heap measured here is the workers' and the client's alone.
    server = await startDevServer(['dev-server', '--port', '0', '--lambdas', resolve(__dirname, 'fixtures/soak-lambdas.js')]);
    const base = { domain: 'soak', taskList: 'soak', registerDomain: true, handleSignals: false, logger } as const;
    apps.push(await FlowFactory.create(ReliabilityModule, { ...base, swfClient: httpClient(server.url), workers: false }));
    for (let i = 0; i < WORKERS; i++) {
      apps.push(
        await FlowFactory.create(ReliabilityModule, {
          ...base,
          swfClient: httpClient(server.url),
          workers: { decider: true, activities: false },
          deciderCacheSize: CACHE_SIZE,
        }),
      );
      apps.push(
        await FlowFactory.create(ReliabilityModule, {
          ...base,
          swfClient: httpClient(server.url),
          workers: { decider: false, activities: true },
          activityConcurrency: 50,
        }),
      );
    }
  });

  after(async () => {
    for (const app of apps.reverse()) await app.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
  });

  it('completes every execution with its result, and the heap at the end stays within 20% of after warm-up', async function () {
    this.timeout(Math.max(120_000, EXECUTIONS * 300));
    const client = apps[0].get(WorkflowClient);
    const started = Date.now();
    let done = 0;
    let warmHeap = 0;
    let waves = 0;
    while (done < EXECUTIONS) {
      const size = Math.min(WAVE, EXECUTIONS - done);
      const inputs = Array.from({ length: size }, (_, i) => done + i);
      const runs = await Promise.all(inputs.map((n) => client.start(Pipeline, n)));
      const results = await Promise.all(runs.map((run) => run.result({ timeoutMs: 120_000 })));
      expect(results).to.deep.equal(inputs.map(pipelineResult));
      done += size;
      waves += 1;
      if (waves === WARM_UP_WAVES) warmHeap = settledHeapMb();
    }
    const endHeap = settledHeapMb();
    const growth = endHeap / warmHeap - 1;
    reportFigures('soak', {
      executions: EXECUTIONS,
      deciders: WORKERS,
      activityWorkers: WORKERS,
      heapAfterWarmUpMb: warmHeap,
      heapAtEndMb: endHeap,
      growthPercent: growth * 100,
      warnings: logger.counts.warn,
      seconds: (Date.now() - started) / 1000,
    });
    expect(logger.errors).to.deep.equal([]);
    if (EXECUTIONS >= JUDGED_FROM)
      expect(growth, `heap grew from ${warmHeap.toFixed(1)} MB to ${endHeap.toFixed(1)} MB`).to.be.at.most(0.2);
  });
});
