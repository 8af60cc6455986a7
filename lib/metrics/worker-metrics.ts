import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type {
  ActivityTaskInfo,
  ActivityTaskReport,
  DecisionTaskInfo,
  DecisionTaskReport,
  PollEvent,
  WorkerInterceptor,
} from '../interceptors/worker-interceptor.types';
import type { MetricSample } from './metrics-options';

type Labels<K extends string> = Record<K, string>;

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const EVENTS = [1, 5, 10, 25, 50, 100, 250, 1000, 5000, 25_000];

/** A short, bounded reason for a failure label: the error's name from `Name: message`, not its message. */
export function reasonLabel(reason: string | undefined): string {
  return (reason ?? 'unknown').split(':')[0].trim().slice(0, 64) || 'unknown';
}

/**
 * Worker metrics, kept in a prom-client registry: poll latency, task latency,
 * tasks in flight, failures by reason, the decider's cache hits and misses,
 * its replays and the events fetched and replayed per decision task. It is an
 * ordinary `WorkerInterceptor`; give it to `@WorkerModule({ interceptors })`,
 * or let `FlowFactory.create(…, { metrics: { port } })` do so and serve it.
 *
 * @example
 * ```ts
 * const metrics = new WorkerMetrics({ onMetric: (s) => statsd.gauge(s.metric, s.value, s.labels) });
 * await FlowFactory.create(AppModule, { domain, taskList, interceptors: [metrics] });
 * console.log(await metrics.text());
 * ```
 */
export class WorkerMetrics implements WorkerInterceptor {
  readonly registry: Registry;
  /** Where the app serves these metrics (`metrics: { port }`), if it does. */
  readonly url?: string;
  private readonly onMetric?: (sample: MetricSample) => void;
  private readonly pollDuration: Histogram<'worker' | 'task_list' | 'result'>;
  private readonly taskDuration: Histogram<'worker' | 'type' | 'outcome'>;
  private readonly inFlight: Gauge<'worker'>;
  private readonly failures: Counter<'worker' | 'type' | 'reason'>;
  private readonly cache: Counter<'result'>;
  private readonly replays: Counter<'kind'>;
  private readonly eventsFetched: Histogram<'type'>;
  private readonly eventsReplayed: Histogram<'type'>;
  private readonly running = { decider: 0, activity: 0 };

  constructor(options: { registry?: Registry; onMetric?: (sample: MetricSample) => void; url?: string } = {}) {
    this.registry = options.registry ?? new Registry();
    this.url = options.url;
    this.onMetric = options.onMetric;
    const registers = [this.registry];
    this.pollDuration = new Histogram({
      name: 'tsflow_poll_duration_seconds',
      help: 'How long each long poll took, by worker, task list and result (task, empty, error).',
      labelNames: ['worker', 'task_list', 'result'],
      buckets: SECONDS,
      registers,
    });
    this.taskDuration = new Histogram({
      name: 'tsflow_task_duration_seconds',
      help: 'How long handling a task took, from poll to response, by worker, type and outcome.',
      labelNames: ['worker', 'type', 'outcome'],
      buckets: SECONDS,
      registers,
    });
    this.inFlight = new Gauge({
      name: 'tsflow_tasks_in_flight',
      help: 'Tasks being handled now, by worker.',
      labelNames: ['worker'],
      registers,
    });
    this.failures = new Counter({
      name: 'tsflow_task_failures_total',
      help: 'Tasks that did not complete, by worker, type and reason (an error name, nondeterminism, unknown-type…).',
      labelNames: ['worker', 'type', 'reason'],
      registers,
    });
    this.cache = new Counter({
      name: 'tsflow_decider_cache_total',
      help: 'Decision tasks whose execution the decider kept (hit) or had to rebuild (miss).',
      labelNames: ['result'],
      registers,
    });
    this.replays = new Counter({
      name: 'tsflow_decider_replays_total',
      help: 'Decision tasks replayed from the first event (full) or from the kept execution (incremental).',
      labelNames: ['kind'],
      registers,
    });
    this.eventsFetched = new Histogram({
      name: 'tsflow_decider_events_fetched',
      help: 'History events read from SWF per decision task.',
      labelNames: ['type'],
      buckets: EVENTS,
      registers,
    });
    this.eventsReplayed = new Histogram({
      name: 'tsflow_decider_events_replayed',
      help: 'History events the engine applied per decision task.',
      labelNames: ['type'],
      buckets: EVENTS,
      registers,
    });
  }

  /** The metrics in Prometheus's text exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  onPoll(event: PollEvent): void {
    this.observe(this.pollDuration, { worker: event.worker, task_list: event.taskList, result: event.result }, event.durationMs / 1000);
  }

  async interceptDecisionTask(
    task: DecisionTaskInfo,
    next: (task: DecisionTaskInfo) => Promise<DecisionTaskReport>,
  ): Promise<DecisionTaskReport> {
    const report = await this.timed(
      'decider',
      task.type,
      () => next(task),
      (r) => r.outcome,
    );
    if (report.outcome !== 'completed') this.count(this.failures, { worker: 'decider', type: task.type, reason: report.outcome });
    if (report.cache) {
      this.count(this.cache, { result: report.cache });
      this.count(this.replays, { kind: report.cache === 'hit' ? 'incremental' : 'full' });
    }
    this.observe(this.eventsFetched, { type: task.type }, report.eventsFetched);
    if (report.eventsReplayed !== undefined) this.observe(this.eventsReplayed, { type: task.type }, report.eventsReplayed);
    return report;
  }

  async interceptActivityTask(
    task: ActivityTaskInfo,
    next: (task: ActivityTaskInfo) => Promise<ActivityTaskReport>,
  ): Promise<ActivityTaskReport> {
    const report = await this.timed(
      'activity',
      task.type,
      () => next(task),
      (r) => r.outcome,
    );
    if (report.outcome !== 'completed' && report.outcome !== 'left-open') {
      const reason = report.outcome === 'failed' ? reasonLabel(report.reason) : report.outcome;
      this.count(this.failures, { worker: 'activity', type: task.type, reason });
    }
    return report;
  }

  private async timed<R>(worker: 'decider' | 'activity', type: string, run: () => Promise<R>, outcome: (report: R) => string): Promise<R> {
    const start = performance.now();
    this.setInFlight(worker, +1);
    let report: R | undefined;
    try {
      report = await run();
      return report;
    } finally {
      this.setInFlight(worker, -1);
      const labels = { worker, type, outcome: report === undefined ? 'error' : outcome(report) };
      this.observe(this.taskDuration, labels, (performance.now() - start) / 1000);
    }
  }

  private setInFlight(worker: 'decider' | 'activity', change: number): void {
    this.running[worker] += change;
    this.inFlight.set({ worker }, this.running[worker]);
    this.onMetric?.({ metric: 'tsflow_tasks_in_flight', labels: { worker }, value: this.running[worker] });
  }

  private observe<K extends string>(histogram: Histogram<K>, labels: Labels<K>, value: number): void {
    histogram.observe(labels, value);
    this.onMetric?.({ metric: (histogram as unknown as { name: string }).name, labels, value });
  }

  private count<K extends string>(counter: Counter<K>, labels: Labels<K>): void {
    counter.inc(labels);
    this.onMetric?.({ metric: (counter as unknown as { name: string }).name, labels, value: 1 });
  }
}
