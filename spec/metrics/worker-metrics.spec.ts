import 'reflect-metadata';
import { expect } from 'chai';
import {
  Activities,
  Activity,
  FlowFactory,
  WorkerMetrics,
  WorkerModule,
  Workflow,
  WorkflowClient,
  type ActivityCall,
  type FlowApp,
  type MetricSample,
} from '../../index';
import { reasonLabel } from '../../lib/metrics';
import { RecordingLogger } from '../helpers/quiet-logger';

@Activities({ version: '1', prefix: 'metered', defaultTaskList: 'metrics-spec-activities', defaultTaskStartToCloseTimeout: 30 })
class MeteredActivities {
  @Activity()
  async square(n: number): Promise<number> {
    if (n < 0) throw new RangeError('no negative squares here');
    return n * n;
  }
}

@Workflow('SumOfSquares', '1')
class SumOfSquares {
  @Activity(MeteredActivities, 'square') square!: ActivityCall<number, number>;
  async run(numbers: number[]): Promise<number> {
    let sum = 0;
    for (const n of numbers) sum += await this.square(n).catch(() => 0);
    return sum;
  }
}

@WorkerModule({ workflows: [SumOfSquares], activities: [MeteredActivities] })
class MeteredModule {}

/** The value of one sample line of the Prometheus text, e.g. `tsflow_decider_cache_total{result="hit"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

async function start(
  extra: { deciderCacheSize?: number; deciderCacheBytes?: number } = {},
): Promise<{ app: FlowApp; samples: MetricSample[] }> {
  const samples: MetricSample[] = [];
  const app = await FlowFactory.create(MeteredModule, {
    domain: 'metrics',
    taskList: 'metrics-spec',
    local: true,
    logger: new RecordingLogger(),
    handleSignals: false,
    metrics: { port: 0, onMetric: (s) => samples.push(s) },
    ...extra,
  });
  return { app, samples };
}

describe('WorkerMetrics', () => {
  let app: FlowApp;
  let samples: MetricSample[];
  let text: string;

  before(async () => {
    ({ app, samples } = await start());
    const run = await app.get(WorkflowClient).start(SumOfSquares, [1, 2, -3]);
    expect(await run.result({ timeoutMs: 20_000 })).to.equal(5);
    const response = await fetch(app.get(WorkerMetrics).url!);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.contain('text/plain');
    text = await response.text();
  });

  after(() => app?.close());

  it('serves Prometheus text at /metrics on loopback, and nothing else there', async () => {
    const url = app.get(WorkerMetrics).url!;
    expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(text).to.contain('# TYPE tsflow_task_duration_seconds histogram');
    expect((await fetch(url.replace('/metrics', '/other'))).status).to.equal(404);
  });

  it('counts tasks by worker, type and outcome, with their latency, and none left in flight', () => {
    expect(
      sample(text, 'tsflow_task_duration_seconds_count', { worker: 'activity', type: 'metered.square@1', outcome: 'completed' }),
    ).to.equal(2);
    expect(
      sample(text, 'tsflow_task_duration_seconds_count', { worker: 'activity', type: 'metered.square@1', outcome: 'failed' }),
    ).to.equal(1);
    expect(
      sample(text, 'tsflow_task_duration_seconds_count', { worker: 'decider', type: 'SumOfSquares@1', outcome: 'completed' }),
    ).to.equal(4);
    expect(sample(text, 'tsflow_task_duration_seconds_sum', { worker: 'decider', outcome: 'completed' })).to.be.greaterThan(0);
    expect(sample(text, 'tsflow_tasks_in_flight', { worker: 'decider' })).to.equal(0);
    expect(sample(text, 'tsflow_tasks_in_flight', { worker: 'activity' })).to.equal(0);
  });

  it('counts failures by a short reason: the error’s name, not its message', () => {
    expect(sample(text, 'tsflow_task_failures_total', { worker: 'activity', type: 'metered.square@1', reason: 'RangeError' })).to.equal(1);
    expect(reasonLabel('TypeError: x is not a function')).to.equal('TypeError');
    expect(reasonLabel(undefined)).to.equal('unknown');
  });

  it('measures polls, the decider’s cache, its replays and the events per decision task', () => {
    expect(sample(text, 'tsflow_poll_duration_seconds_count', { worker: 'decider', task_list: 'metrics-spec', result: 'task' })).to.equal(
      4,
    );
    expect(sample(text, 'tsflow_poll_duration_seconds_count', { worker: 'activity', result: 'task' })).to.equal(3);
    expect(sample(text, 'tsflow_decider_cache_total', { result: 'miss' })).to.equal(1);
    expect(sample(text, 'tsflow_decider_cache_total', { result: 'hit' })).to.equal(3);
    expect(sample(text, 'tsflow_decider_replays_total', { kind: 'full' })).to.equal(1);
    expect(sample(text, 'tsflow_decider_replays_total', { kind: 'incremental' })).to.equal(3);
    expect(sample(text, 'tsflow_decider_events_fetched_count', { type: 'SumOfSquares@1' })).to.equal(4);
    expect(sample(text, 'tsflow_decider_events_fetched_sum', { type: 'SumOfSquares@1' })).to.be.greaterThan(10);
    expect(sample(text, 'tsflow_decider_events_replayed_sum', { type: 'SumOfSquares@1' })).to.be.greaterThan(10);
  });

  it('hands every observation to the onMetric callback as well', () => {
    const failures = samples.filter((s) => s.metric === 'tsflow_task_failures_total');
    expect(failures).to.deep.equal([
      { metric: 'tsflow_task_failures_total', labels: { worker: 'activity', type: 'metered.square@1', reason: 'RangeError' }, value: 1 },
    ]);
    expect(samples.filter((s) => s.metric === 'tsflow_task_duration_seconds').length).to.equal(7);
  });

  /** Runs SumOfSquares([1, 2]) on an app of its own; its metrics text, once the run is done and the app closed. */
  async function fullReplays(extra: { deciderCacheSize?: number; deciderCacheBytes?: number }): Promise<{ metrics: string; url: string }> {
    const other = await start(extra);
    try {
      const run = await other.app.get(WorkflowClient).start(SumOfSquares, [1, 2]);
      await run.result({ timeoutMs: 20_000 });
      return { metrics: await other.app.get(WorkerMetrics).text(), url: other.app.get(WorkerMetrics).url! };
    } finally {
      await other.app.close();
    }
  }

  for (const [what, extra] of [
    ['the decider keeps no executions (deciderCacheSize: 0)', { deciderCacheSize: 0 }],
    ['the cache has no byte budget (deciderCacheBytes: 0)', { deciderCacheBytes: 0 }],
  ] as const) {
    it(`counts every decision task as a full replay when ${what}`, async () => {
      const { metrics } = await fullReplays(extra);
      expect(sample(metrics, 'tsflow_decider_replays_total', { kind: 'full' })).to.equal(3);
      expect(sample(metrics, 'tsflow_decider_cache_total', { result: 'hit' })).to.equal(undefined);
    });
  }

  it('closes the metrics endpoint with the app', async () => {
    const { url } = await fullReplays({});
    expect(
      await fetch(url).then(
        () => 'open',
        () => 'closed',
      ),
      'the endpoint after close()',
    ).to.equal('closed');
  });

  it('says what is wrong with a metrics port it cannot use', async () => {
    const taken = app.get(WorkerMetrics).url!.split(':')[2].split('/')[0];
    const create = (port: number) =>
      FlowFactory.create(MeteredModule, {
        domain: 'm',
        taskList: 'm',
        local: true,
        logger: new RecordingLogger(),
        handleSignals: false,
        metrics: { port },
      });
    expect(((await create(-1).catch((e: unknown) => e)) as Error).message).to.equal(
      'metrics.port must be a whole number from 0 to 65535 (0 picks a free port), got -1.',
    );
    expect(((await create(Number(taken)).catch((e: unknown) => e)) as Error).message).to.equal(
      `The metrics endpoint could not listen on 127.0.0.1:${taken} (EADDRINUSE); choose another metrics.port, or 0 for a free one.`,
    );
  });
});
