import { Registry } from 'prom-client';
import type { Logger } from '../logging/logger';
import type { MetricsOptions } from '../metrics/metrics-options';
import { serveMetrics } from '../metrics/metrics-server';
import { WorkerMetrics } from '../metrics/worker-metrics';

/** The app's metrics: the interceptor that keeps them and, with `port`, the endpoint that serves them. */
export interface StartedMetrics {
  readonly interceptor: WorkerMetrics;
  readonly url?: string;
  close(): Promise<void>;
}

export async function startMetrics(options: MetricsOptions, logger: Logger): Promise<StartedMetrics> {
  const registry = options.registry ?? new Registry();
  const server = options.port === undefined ? undefined : await serveMetrics(registry, options.port, options.host);
  const interceptor = new WorkerMetrics({ registry, onMetric: options.onMetric, url: server?.url });
  if (server) logger.info('metrics endpoint listening', { url: server.url });
  return { interceptor, url: server?.url, close: async () => server?.close() };
}
