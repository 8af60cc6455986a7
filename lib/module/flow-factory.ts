import { hostname } from 'node:os';
import { SWFClient } from '@aws-sdk/client-swf';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { container as rootContainer, Lifecycle, type DependencyContainer } from 'tsyringe';
import { FLOW_CONFIG, type FlowConfig } from '../client/flow-config';
import { WorkflowClient } from '../client/workflow-client';
import { ConsoleLogger, type Logger } from '../logging/logger';
import { TypeRegistry } from '../metadata/type-registry';
import type { Constructor } from '../metadata/records';
import { ActivityWorker } from '../workers/activity-worker';
import { DeciderWorker } from '../workers/decider-worker';
import { registerActivityType, registerDomain } from '../workers/register-types';
import { InProcessLambdaInvoker, LocalSwfService, dashboardUrl } from '../local';
import { FlowApp } from './flow-app';
import type { FlowOptions, LocalOptions } from './flow-options';
import { hasInit } from './lifecycle';
import { scanModule } from './module-scanner';
import { registerProvider } from './register-provider';
import { checkWiring, resolveAtBootstrap } from './wiring-check';

/** The DI token of the app's logger. */
export const LOGGER = Symbol.for('tsflow:logger');

/** Builds an application from a `@WorkerModule` and starts its workers. */
export class FlowFactory {
  /**
   * Validates every definition, wires a child DI container, connects to SWF
   * (or starts the embedded service), runs providers' `onModuleInit` in order
   * and starts the decider and activity workers.
   *
   * @example
   * ```ts
   * const app = await FlowFactory.create(AppModule, { domain: 'samples', taskList: 'main', local: true });
   * const run = await app.get(WorkflowClient).start(StringTransformer, ['Hello', ' ', 'World']);
   * console.log(await run.result());
   * await app.close();
   * ```
   */
  static async create(module: Constructor, options: FlowOptions): Promise<FlowApp> {
    const scanned = scanModule(module);
    const registry = new TypeRegistry({
      workflows: scanned.workflows,
      activities: scanned.activities,
      providers: scanned.providers.filter((p): p is Constructor => typeof p === 'function'),
    });
    const logger = options.logger ?? new ConsoleLogger();
    const identity = options.identity ?? `${hostname()}:${process.pid}`;
    const container = (options.container ?? rootContainer).createChildContainer();
    const wanted = options.workers ?? true;
    checkWiring({
      module: module.name,
      scanned,
      frameworkTokens: [SWFClient, FLOW_CONFIG, LOGGER, WorkflowClient],
      container,
      servesActivities: wanted === true || (typeof wanted === 'object' && wanted.activities !== false),
    });

    const connection = await connect(options, logger);
    const config: FlowConfig = { domain: options.domain, taskList: options.taskList, identity, watchUrl: connection.watchUrl };
    container.registerInstance(SWFClient, connection.swf);
    container.registerInstance(FLOW_CONFIG, config);
    container.registerInstance(LOGGER, logger);
    container.register(WorkflowClient, { useClass: WorkflowClient }, { lifecycle: Lifecycle.Singleton });
    for (const provider of scanned.providers) registerProvider(container, provider);
    for (const activities of scanned.activities)
      container.register(activities, { useClass: activities }, { lifecycle: Lifecycle.Singleton });
    // Last, so they win over the module's own registrations (tests swap in fakes).
    for (const override of options.overrides ?? []) registerProvider(container, override);

    const instances: unknown[] = [];
    const app = new FlowApp({
      container,
      swf: connection.swf,
      ownsClient: options.swfClient === undefined,
      logger,
      service: connection.service,
      stopListening: connection.stopListening,
      instances,
      shutdownTimeoutMs: options.shutdownTimeoutMs ?? 30_000,
    });
    try {
      if (options.local || options.registerDomain) {
        const retention = typeof options.registerDomain === 'object' ? options.registerDomain.retentionDays : undefined;
        await registerDomain(connection.swf, options.domain, retention);
      }
      // Activity classes are built here too, not at their first task: their hooks run, and a wiring mistake shows now.
      const tokens = [...scanned.providers.map((p) => (typeof p === 'function' ? p : p.provide)), ...scanned.activities];
      for (const token of tokens) {
        const instance = resolveAtBootstrap(container, token, module.name);
        instances.push(instance);
        if (hasInit(instance)) await instance.onModuleInit();
      }
      await startWorkers(app, registry, container, options, config, logger);
    } catch (error) {
      await app.close().catch(() => undefined);
      throw error;
    }
    if (options.maxTime !== undefined) {
      const timer = setTimeout(() => {
        logger.info('maxTime reached; stopping', { maxTime: options.maxTime });
        void app.close();
      }, options.maxTime * 1000);
      app.onClose(() => clearTimeout(timer));
    }
    if (options.handleSignals !== false) {
      const onSignal = (signal: NodeJS.Signals): void => {
        logger.info('signal received; closing gracefully', { signal });
        void app.close();
      };
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
      app.onClose(() => {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      });
    }
    return app;
  }
}

interface Connection {
  swf: SWFClient;
  service?: LocalSwfService;
  stopListening?: () => Promise<void>;
  watchUrl?: (workflowId: string, runId: string) => string;
}

async function connect(options: FlowOptions, logger: Logger): Promise<Connection> {
  if (options.local) {
    const local: LocalOptions = options.local === true ? {} : options.local;
    const invoker = new InProcessLambdaInvoker();
    for (const [name, fn] of Object.entries(local.lambdas ?? {})) invoker.register(name, fn as (input: unknown) => unknown);
    const service = new LocalSwfService({ lambdaInvoker: invoker });
    if (!local.listen) return { swf: service.client(), service };
    const server = await service.listen(local.listen);
    logger.info('embedded SWF service listening', { url: server.url });
    return {
      swf: service.client(),
      service,
      stopListening: () => server.close(),
      watchUrl: (workflowId, runId) => dashboardUrl(server.url, options.domain, workflowId, runId),
    };
  }
  // SWF holds a long poll open for up to 60 s: the socket must outlive it.
  const swf = options.swfClient ?? new SWFClient({ requestHandler: new NodeHttpHandler({ requestTimeout: 70_000 }), ...options.swf });
  const endpoint = typeof options.swf?.endpoint === 'string' ? options.swf.endpoint : undefined;
  if (endpoint && !/amazonaws\.com/.test(endpoint)) {
    // Not AWS: most likely a tsflow dev-server, whose dashboard lives at its root.
    return { swf, watchUrl: (workflowId, runId) => dashboardUrl(endpoint.replace(/\/$/, ''), options.domain, workflowId, runId) };
  }
  const region = await swf.config.region().catch(() => undefined);
  return {
    swf,
    watchUrl: (workflowId, runId) =>
      `https://console.aws.amazon.com/swf/home?region=${region}#execution_summary:domain=${encodeURIComponent(options.domain)};` +
      `workflowId=${encodeURIComponent(workflowId)};runId=${encodeURIComponent(runId)}`,
  };
}

async function startWorkers(
  app: FlowApp,
  registry: TypeRegistry,
  container: DependencyContainer,
  options: FlowOptions,
  config: FlowConfig,
  logger: Logger,
): Promise<void> {
  const wanted = options.workers ?? true;
  const runDecider = wanted === true || (typeof wanted === 'object' && wanted.decider !== false);
  const runActivities = wanted === true || (typeof wanted === 'object' && wanted.activities !== false);
  const activityTaskList = options.activityTaskList ?? options.taskList;
  if (runActivities && registry.activities.length > 0) {
    for (const definition of registry.activities) await registerActivityType(app.swf, options.domain, definition, activityTaskList);
    const activityWorker = new ActivityWorker(app.swf, registry, container, {
      domain: options.domain,
      taskLists: registry.activityTaskLists(activityTaskList),
      identity: config.identity,
      concurrency: options.activityConcurrency,
      logger,
    });
    app.attach({ activityWorker });
    activityWorker.start();
  }
  if (runDecider && registry.workflows.length > 0) {
    const decider = new DeciderWorker(app.swf, registry, container, {
      domain: options.domain,
      taskList: options.taskList,
      identity: config.identity,
      logger,
      concurrency: options.deciderConcurrency,
      cacheSize: options.deciderCacheSize,
      onNondeterminism: options.onNondeterminism,
      onStuck: options.onStuck,
      compareInputs: options.compareInputs,
      watchUrl: config.watchUrl,
    });
    app.attach({ decider });
    await decider.start();
  }
}
