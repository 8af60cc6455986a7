import type { SWFClient } from '@aws-sdk/client-swf';
import type { DependencyContainer } from 'tsyringe';
import type { FlowConfig } from '../client/flow-config';
import type { Logger } from '../logging/logger';
import type { TypeRegistry } from '../metadata/type-registry';
import { ActivityWorker } from '../workers/activity-worker';
import { DeciderWorker } from '../workers/decider-worker';
import { registerActivityType } from '../workers/register-types';
import type { FlowOptions } from './flow-options';
import type { InterceptorSet } from '../interceptors/interceptor-set';

/** The workers an app runs: none, either or both, as `workers` and the module's contents say. */
export interface FlowWorkers {
  decider?: DeciderWorker;
  activityWorker?: ActivityWorker;
}

/** What every worker of the app shares. */
export interface WorkerSetting {
  swf: SWFClient;
  registry: TypeRegistry;
  container: DependencyContainer;
  config: FlowConfig;
  logger: Logger;
  interceptors: InterceptorSet;
}

/** Makes the workers (not yet polling). */
export function createWorkers(options: FlowOptions, setting: WorkerSetting): FlowWorkers {
  const { swf, registry, container, config, logger, interceptors } = setting;
  const wanted = options.workers;
  const workers: FlowWorkers = {};
  if (wants(wanted, 'activities') && registry.activities.length > 0) {
    workers.activityWorker = new ActivityWorker(swf, registry, container, {
      domain: options.domain,
      taskLists: registry.activityTaskLists(activityTaskList(options)),
      identity: config.identity,
      concurrency: options.activityConcurrency,
      logger,
      interceptors,
    });
  }
  if (wants(wanted, 'decider') && registry.workflows.length > 0) {
    workers.decider = new DeciderWorker(swf, registry, container, {
      domain: options.domain,
      taskList: options.taskList,
      identity: config.identity,
      logger,
      concurrency: options.deciderConcurrency,
      cacheSize: options.deciderCacheSize,
      cacheBytes: options.deciderCacheBytes,
      historyPages: options.deciderHistoryPages,
      onNondeterminism: options.onNondeterminism,
      onStuck: options.onStuck,
      compareInputs: options.compareInputs,
      watchUrl: config.watchUrl,
      interceptors,
    });
  }
  return workers;
}

/** Registers the activity types, then starts the activity worker and the decider (which registers the workflow types). */
export async function startWorkers(workers: FlowWorkers, options: FlowOptions, setting: WorkerSetting): Promise<void> {
  if (workers.activityWorker) {
    for (const definition of setting.registry.activities)
      await registerActivityType(setting.swf, options.domain, definition, activityTaskList(options));
    workers.activityWorker.start();
  }
  await workers.decider?.start();
}

function wants(wanted: FlowOptions['workers'], kind: 'decider' | 'activities'): boolean {
  return wanted === true || wanted === undefined || (typeof wanted === 'object' && wanted[kind] !== false);
}

function activityTaskList(options: FlowOptions): string {
  return options.activityTaskList ?? options.taskList;
}
