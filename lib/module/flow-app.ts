import type { SWFClient } from '@aws-sdk/client-swf';
import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { Logger } from '../logging/logger';
import type { ActivityWorker } from '../workers/activity-worker';
import type { DeciderWorker } from '../workers/decider-worker';
import type { LocalSwfService } from '../local';
import { hasDestroy } from './lifecycle';
import { describeError } from '../workers/poll-loop';

export interface FlowAppParts {
  container: DependencyContainer;
  swf: SWFClient;
  /** Whether the app made the client (and so destroys it on close). */
  ownsClient: boolean;
  logger: Logger;
  decider?: DeciderWorker;
  activityWorker?: ActivityWorker;
  service?: LocalSwfService;
  stopListening?: () => Promise<void>;
  /** Provider instances in init order; destroyed in reverse. */
  instances: unknown[];
  shutdownTimeoutMs: number;
}

/** A running application: its container, its workers and, in local mode, its embedded service. */
export class FlowApp {
  private closing?: Promise<void>;
  private resolveClosed!: () => void;
  /** Resolves once the app has closed: after `close()`, a signal, or `maxTime`. */
  readonly closed: Promise<void> = new Promise((resolve) => (this.resolveClosed = resolve));
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly parts: FlowAppParts) {}

  /** Resolves a provider (or `WorkflowClient`, `SWFClient`…) from the app's container. */
  get<T>(token: InjectionToken<T>): T {
    return this.parts.container.resolve(token);
  }

  get container(): DependencyContainer {
    return this.parts.container;
  }

  get swf(): SWFClient {
    return this.parts.swf;
  }

  /** The embedded service, when the app runs with `local`. */
  get service(): LocalSwfService | undefined {
    return this.parts.service;
  }

  /** Hands the app a started worker, so that `close()` stops it. */
  attach(workers: { decider?: DeciderWorker; activityWorker?: ActivityWorker }): void {
    Object.assign(this.parts, workers);
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
    const { decider, activityWorker, logger, instances, shutdownTimeoutMs, service, stopListening } = this.parts;
    for (const cleanup of this.cleanups) cleanup();
    await Promise.all([decider?.close(shutdownTimeoutMs), activityWorker?.close(shutdownTimeoutMs)]);
    for (const instance of [...instances].reverse()) {
      if (!hasDestroy(instance)) continue;
      try {
        await instance.onModuleDestroy();
      } catch (error) {
        logger.error('onModuleDestroy failed', { provider: (instance as object).constructor.name, error: describeError(error) });
      }
    }
    await stopListening?.();
    await service?.close();
    if (this.parts.ownsClient) this.parts.swf.destroy();
    logger.info('tsflow app closed');
    this.resolveClosed();
  }
}
