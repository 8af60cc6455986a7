import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { Logger } from '../logging/logger';
import { describeError } from '../workers/poll-loop';
import { hasDestroy, hasInit } from './lifecycle';
import { resolveAtBootstrap } from './wiring-check';

/** The module's providers and activity classes, initialised in module order and destroyed in reverse. */
export class ProviderLifecycle {
  private readonly initialised: unknown[] = [];

  constructor(
    private readonly container: DependencyContainer,
    private readonly tokens: readonly InjectionToken[],
    private readonly moduleName: string,
    private readonly logger: Logger,
  ) {}

  /** Resolves every token (a `WiringError` says which could not be built) and awaits its `onModuleInit()`, one after another. */
  async init(): Promise<void> {
    for (const token of this.tokens) {
      const instance = resolveAtBootstrap(this.container, token, this.moduleName);
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
