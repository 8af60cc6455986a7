import type { DependencyContainer } from 'tsyringe';
import { FLOW_CONFIG, type FlowConfig } from '../client/flow-config';
import { InterceptorSet } from '../interceptors/interceptor-set';
import type { Logger } from '../logging/logger';
import { TypeRegistry } from '../metadata/type-registry';
import { WorkerMetrics } from '../metrics/worker-metrics';
import type { FlowOptions } from './flow-options';
import { startMetrics } from './metrics-endpoint';
import type { ScannedModule } from './module-scanner';

interface WiringInput {
  scanned: ScannedModule;
  /** The registry as validated at the start of bootstrap. */
  registry: TypeRegistry;
  options: FlowOptions;
  base: Omit<FlowConfig, 'interceptors'>;
  logger: Logger;
}

/**
 * Builds the app's interceptors (metrics first, then the options', then the module's; classes resolved from
 * its container), registers them and the client's config with its client interceptors, and returns the
 * registry its workers serve.
 */
export async function wireInterceptors(
  container: DependencyContainer,
  { scanned, registry, options, base, logger }: WiringInput,
): Promise<{ config: FlowConfig; served: TypeRegistry; interceptors: InterceptorSet; closeMetrics?: () => void }> {
  const metrics = options.metrics ? await startMetrics(options.metrics, logger) : undefined;
  if (metrics) container.registerInstance(WorkerMetrics, metrics.interceptor);
  const interceptors = new InterceptorSet(
    [...(metrics ? [metrics.interceptor] : []), ...(options.interceptors ?? []), ...scanned.interceptors],
    (target) => container.resolve(target),
    '@WorkerModule interceptors',
  );
  // The workers take them from the container.
  container.registerInstance(InterceptorSet, interceptors);
  const config: FlowConfig = { ...base, interceptors: interceptors.client };
  container.registerInstance(FLOW_CONFIG, config);
  const served = interceptors.workflow.length === 0 ? registry : withWorkflowInterceptors(scanned, interceptors);
  return { config, served, interceptors, ...(metrics ? { closeMetrics: () => void metrics.close() } : {}) };
}

/** The registry again, with the module's workflow interceptors around every workflow's calls. */
function withWorkflowInterceptors(scanned: ScannedModule, interceptors: InterceptorSet): TypeRegistry {
  return new TypeRegistry({ workflows: scanned.workflows, activities: scanned.activities, workflowInterceptors: interceptors.workflow });
}
