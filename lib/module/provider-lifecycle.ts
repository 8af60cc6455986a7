import type { DependencyContainer } from 'tsyringe';
import type { Provider } from '../decorators/worker-module.decorator';
import type { Logger } from '../logging/logger';
import { describeError } from '../workers/poll-loop';
import { hasDestroy, hasInit } from './lifecycle';

/** The module's providers, initialised in module order and destroyed in reverse. */
export class ProviderLifecycle {
  private readonly initialised: unknown[] = [];

  constructor(
    private readonly container: DependencyContainer,
    private readonly providers: readonly Provider[],
    private readonly logger: Logger,
  ) {}

  /** Resolves every provider and awaits its `onModuleInit()`, one after another. */
  async init(): Promise<void> {
    for (const provider of this.providers) {
      const instance = this.container.resolve(typeof provider === 'function' ? provider : provider.provide);
      this.initialised.push(instance);
      if (hasInit(instance)) await instance.onModuleInit();
    }
  }

  /** Awaits `onModuleDestroy()` of each provider resolved so far, last first; a failure is logged, not thrown. */
  async destroy(): Promise<void> {
    for (const instance of [...this.initialised].reverse()) {
      if (!hasDestroy(instance)) continue;
      try {
        await instance.onModuleDestroy();
      } catch (error) {
        this.logger.error('onModuleDestroy failed', { provider: (instance as object).constructor.name, error: describeError(error) });
      }
    }
  }
}
