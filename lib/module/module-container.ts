import { SWFClient } from '@aws-sdk/client-swf';
import { Lifecycle, type DependencyContainer } from 'tsyringe';
import type { Provider } from '../decorators/worker-module.decorator';
import { FLOW_CONFIG, type FlowConfig } from '../client/flow-config';
import { WorkflowClient } from '../client/workflow-client';
import type { Logger } from '../logging/logger';
import { LOGGER } from './logger-token';
import type { ScannedModule } from './module-scanner';
import { registerProvider } from './register-provider';

/** What the container holds besides the module's own classes. */
export interface ContainerBasics {
  swf: SWFClient;
  config: FlowConfig;
  logger: Logger;
}

/**
 * A child of `parent` holding the app's SWF client, settings, logger and
 * `WorkflowClient`, then the module's providers and activity classes (all
 * singletons in it; workflows get a child container per execution).
 */
export function createModuleContainer(
  parent: DependencyContainer,
  scanned: ScannedModule,
  basics: ContainerBasics,
  overrides: readonly Provider[] = [],
): DependencyContainer {
  const container = parent.createChildContainer();
  container.registerInstance(SWFClient, basics.swf);
  container.registerInstance(FLOW_CONFIG, basics.config);
  container.registerInstance(LOGGER, basics.logger);
  container.register(WorkflowClient, { useClass: WorkflowClient }, { lifecycle: Lifecycle.Singleton });
  for (const provider of scanned.providers) registerProvider(container, provider);
  for (const activities of scanned.activities) container.register(activities, { useClass: activities }, { lifecycle: Lifecycle.Singleton });
  // Last, so they win over the module's own registrations (tests swap in fakes).
  for (const override of overrides) registerProvider(container, override);
  return container;
}
