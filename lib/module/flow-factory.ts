import { hostname } from 'node:os';
import { container as rootContainer } from 'tsyringe';
import { SWFClient } from '@aws-sdk/client-swf';
import type { InjectionToken } from 'tsyringe';
import type { Provider } from '../decorators/worker-module.decorator';
import { FLOW_CONFIG, type FlowConfig } from '../client/flow-config';
import { WorkflowClient } from '../client/workflow-client';
import { ConsoleLogger, type Logger } from '../logging/logger';
import type { Constructor } from '../metadata/records';
import { TypeRegistry } from '../metadata/type-registry';
import { registerDomain } from '../workers/register-types';
import { closeOnTriggers } from './close-triggers';
import { FlowApp, type FlowAppParts } from './flow-app';
import type { FlowOptions } from './flow-options';
import { createWorkers, startWorkers, type WorkerSetting } from './flow-workers';
import { createModuleContainer } from './module-container';
import { scanModule, type ScannedModule } from './module-scanner';
import { ProviderLifecycle } from './provider-lifecycle';
import { connect } from './connect';
import { LOGGER } from './logger-token';
import { checkWiring } from './wiring-check';
import type { SwfConnection } from './swf-connection';

/** Builds an application from a `@WorkerModule` and starts its workers. */
export class FlowFactory {
  /**
   * Validates every definition, connects to SWF (or starts the embedded
   * service), wires a child DI container, registers the domain and types,
   * runs providers' `onModuleInit` in order and starts the decider and
   * activity workers. If any step fails, what was started is closed again.
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
    const wanted = options.workers ?? true;
    // Wiring mistakes (a missing provider, an activity class not listed) fail here, before anything is started.
    checkWiring({
      module: module.name,
      scanned,
      frameworkTokens: [SWFClient, FLOW_CONFIG, LOGGER, WorkflowClient],
      container: options.container ?? rootContainer,
      servesActivities: wanted === true || (typeof wanted === 'object' && wanted.activities !== false),
    });
    const logger = options.logger ?? new ConsoleLogger();
    const connection = await connect(options, logger);
    let assembled: Assembled;
    try {
      assembled = assemble(module.name, scanned, registry, connection, options, logger);
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
    const { parts, setting } = assembled;
    const app = new FlowApp(parts);
    try {
      if (options.local || options.registerDomain) await registerDomain(connection.swf, options.domain, retentionDays(options));
      await parts.providers.init();
      await startWorkers(parts.workers, options, setting);
    } catch (error) {
      await app.close().catch(() => undefined);
      throw error;
    }
    closeOnTriggers(app, options, logger);
    return app;
  }
}

interface Assembled {
  parts: FlowAppParts;
  setting: WorkerSetting;
}

/** The container, the workers (not yet polling) and the providers (not yet initialised) around a connection. */
function assemble(
  moduleName: string,
  scanned: ScannedModule,
  registry: TypeRegistry,
  connection: SwfConnection,
  options: FlowOptions,
  logger: Logger,
): Assembled {
  const config: FlowConfig = {
    domain: options.domain,
    taskList: options.taskList,
    identity: options.identity ?? `${hostname()}:${process.pid}`,
    watchUrl: connection.watchUrl,
  };
  const container = createModuleContainer(
    options.container ?? rootContainer,
    scanned,
    { swf: connection.swf, config, logger },
    options.overrides,
  );
  const setting: WorkerSetting = { swf: connection.swf, registry, container, config, logger };
  const parts: FlowAppParts = {
    container,
    connection,
    workers: createWorkers(options, setting),
    // Activity classes are built at bootstrap too, not at their first task: their hooks run, and a wiring mistake shows now.
    providers: new ProviderLifecycle(container, [...scanned.providers.map(tokenOf), ...scanned.activities], moduleName, logger),
    logger,
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? 30_000,
  };
  return { parts, setting };
}

function retentionDays(options: FlowOptions): number | undefined {
  return typeof options.registerDomain === 'object' ? options.registerDomain.retentionDays : undefined;
}

function tokenOf(provider: Provider): InjectionToken {
  return typeof provider === 'function' ? provider : provider.provide;
}
