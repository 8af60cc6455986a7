export type { MetricSample, MetricsOptions } from './metrics-options';
export { serveMetrics } from './metrics-server';
export type { MetricsServer } from './metrics-server';
export { WorkerMetrics, reasonLabel } from './worker-metrics';
