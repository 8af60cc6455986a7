import { Lifecycle, type DependencyContainer } from 'tsyringe';
import type { Provider } from '../decorators/worker-module.decorator';

/** Registers a module's provider: classes and `useClass` as singletons of the container, values and factories as given. */
export function registerProvider(container: DependencyContainer, provider: Provider): void {
  if (typeof provider === 'function') {
    container.register(provider, { useClass: provider }, { lifecycle: Lifecycle.Singleton });
  } else if ('useValue' in provider) {
    container.register(provider.provide, { useValue: provider.useValue });
  } else if ('useClass' in provider) {
    container.register(provider.provide, { useClass: provider.useClass }, { lifecycle: Lifecycle.Singleton });
  } else {
    container.register(provider.provide, { useFactory: provider.useFactory });
  }
}
