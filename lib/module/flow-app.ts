import type { SWFClient } from '@aws-sdk/client-swf';
import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { Logger } from '../logging/logger';
import type { LocalSwfService } from '../local/local-swf-service';
import type { FlowWorkers } from './flow-workers';
import type { ProviderLifecycle } from './provider-lifecycle';
import type { SwfConnection } from './swf-connection';

/** Everything a `FlowApp` runs, made by `FlowFactory.create` before the app. */
export interface FlowAppParts {
  container: DependencyContainer;
  connection: SwfConnection;
  workers: FlowWorkers;
  providers: ProviderLifecycle;
  logger: Logger;
  shutdownTimeoutMs: number;
}

/**
 * A running application: its container, its workers and, in local mode, its
 * embedded service. Made by {@link FlowFactory.create}.
 *
 * @example
 * ```ts
 * const app = await FlowFactory.create(AppModule, { domain: 'shop', taskList: 'orders', local: true });
 * const client = app.get(WorkflowClient);
 * await app.close();
 * ```
 */
export class FlowApp {
  private closing?: Promise<void>;
  private resolveClosed!: () => void;
  /** Resolves once the app has closed: after `close()`, a signal, or `maxTime`. */
  readonly closed: Promise<void> = new Promise((resolve) => (this.resolveClosed = resolve));
  private readonly cleanups: Array<() => void> = [];

  /** @internal Apps are made by `FlowFactory.create`. */
  constructor(private readonly parts: FlowAppParts) {}

  /** Resolves a provider (or `WorkflowClient`, `SWFClient`…) from the app's container. */
  get<T>(token: InjectionToken<T>): T {
    return this.parts.container.resolve(token);
  }

  /** The app's DI container (a child of `options.container` or of tsyringe's root). */
  get container(): DependencyContainer {
    return this.parts.container;
  }

  /** The SWF client the workers and the `WorkflowClient` use. */
  get swf(): SWFClient {
    return this.parts.connection.swf;
  }

  /** The embedded service, when the app runs with `local`. */
  get service(): LocalSwfService | undefined {
    return this.parts.connection.service;
  }

  /** Runs `cleanup` when the app closes (signal handlers, timers). */
  onClose(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /**
   * Stops polling, lets in-flight tasks finish (bounded by `shutdownTimeoutMs`),
   * runs providers' `onModuleDestroy` in reverse order, and closes the embedded service.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    const { workers, providers, connection, logger, shutdownTimeoutMs } = this.parts;
    for (const cleanup of this.cleanups) cleanup();
    await Promise.all([workers.decider?.close(shutdownTimeoutMs), workers.activityWorker?.close(shutdownTimeoutMs)]);
    await providers.destroy();
    await connection.close();
    logger.info('tsflow app closed');
    this.resolveClosed();
  }
}
