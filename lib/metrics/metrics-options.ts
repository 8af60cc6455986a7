import type { Registry } from 'prom-client';

/** One change to a metric, as `onMetric` receives it. */
export interface MetricSample {
  /** The Prometheus metric name (`tsflow_task_duration_seconds`). */
  readonly metric: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The observed value (seconds, a count, events), or the gauge's new value. */
  readonly value: number;
}

export interface MetricsOptions {
  /** Serve `/metrics` (Prometheus text format) on this port; 0 picks a free one. Without it, nothing listens. */
  port?: number;
  /** Where to listen (default 127.0.0.1). */
  host?: string;
  /** Collect into this prom-client registry (to serve it with your own metrics); default: one of the app's own. */
  registry?: Registry;
  /** Called with every observation, for a metrics pipeline that is not Prometheus. */
  onMetric?: (sample: MetricSample) => void;
}
