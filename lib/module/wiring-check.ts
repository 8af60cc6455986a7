import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { Provider } from '../decorators/worker-module.decorator';
import { activityClassesCalled } from '../metadata/workflow-definition';
import type { Constructor } from '../metadata/records';
import type { ScannedModule } from './module-scanner';
import { WiringError } from './wiring.error';
import { wiringMessages } from './wiring.messages';

/** Where tsyringe's `@inject(token)` keeps parameter tokens that replace the emitted parameter types. */
const INJECTION_TOKENS = 'injectionTokens';
/** What `emitDecoratorMetadata` writes for an interface or primitive parameter: nothing DI can build. */
const UNBUILDABLE = new Set<unknown>([Object, String, Number, Boolean, Array, Function, Promise, Symbol, BigInt]);

export interface WiringScope {
  module: string;
  scanned: ScannedModule;
  /** Tokens the framework registers itself (SWFClient, WorkflowClient, the logger…). */
  frameworkTokens: readonly InjectionToken[];
  /** Where user registrations outside the module live (options.container and its parents). */
  container: DependencyContainer;
  /** Whether this app runs the activities its workflows call (`workers.activities` not false). */
  servesActivities: boolean;
}

/**
 * Checks, before anything connects, that DI can build every provider and
 * activity class as declared: a wiring mistake fails at bootstrap with a hint
 * instead of at the first task that needs the class.
 */
export function checkWiring(scope: WiringScope): void {
  const { scanned, module } = scope;
  if (scope.servesActivities) {
    for (const workflow of scanned.workflows) {
      for (const { member, activities } of activityClassesCalled(workflow)) {
        if (!scanned.activities.includes(activities))
          throw new WiringError(wiringMessages.activitiesNotListed(workflow.name, member, activities.name, module));
      }
    }
  }
  const provided = new Set<unknown>([...scope.frameworkTokens, ...scanned.activities, ...scanned.providers.map(tokenOf)]);
  const isProvided = (token: unknown): boolean => provided.has(token) || scope.container.isRegistered(token as InjectionToken, true);
  for (const target of [...scanned.providers.map(classOf), ...scanned.activities]) {
    if (!target) continue;
    const types = Reflect.getMetadata('design:paramtypes', target) as unknown[] | undefined;
    if (types === undefined) {
      if (target.length > 0) throw new WiringError(wiringMessages.notInjectable(target.name, target.length));
      continue;
    }
    const tokens = (Reflect.getOwnMetadata(INJECTION_TOKENS, target) as Record<number, unknown> | undefined) ?? {};
    types.forEach((type, index) => {
      const token = index in tokens ? plainToken(tokens[index]) : type;
      if (token === undefined) return;
      if (UNBUILDABLE.has(token)) throw new WiringError(wiringMessages.notInjectableType(target.name, nameOf(token), index));
      if (!isProvided(token)) {
        const example = typeof token === 'function' ? nameOf(token) : `{ provide: ${JSON.stringify(nameOf(token))}, useValue: … }`;
        throw new WiringError(wiringMessages.notAProvider(target.name, nameOf(token), index, module, example.replace(/"/g, "'")));
      }
    });
  }
}

/** Resolves a class at bootstrap, turning DI's failure into one that names the class and the module. */
export function resolveAtBootstrap<T>(container: DependencyContainer, token: InjectionToken<T>, module: string): T {
  try {
    return container.resolve(token);
  } catch (error) {
    throw new WiringError(wiringMessages.notBuilt(nameOf(token), module, (error as Error).message ?? String(error)), { cause: error });
  }
}

/** The token of a plain `@inject(token)`; undefined for what tsyringe checks itself (`@injectAll`, optional, transforms). */
function plainToken(descriptor: unknown): unknown {
  if (typeof descriptor !== 'object' || descriptor === null) return descriptor;
  const { token, multiple, isOptional, transform } = descriptor as {
    token?: unknown;
    multiple?: boolean;
    isOptional?: boolean;
    transform?: unknown;
  };
  return multiple || isOptional || transform ? undefined : token;
}

function tokenOf(provider: Provider): unknown {
  return typeof provider === 'function' ? provider : provider.provide;
}

function classOf(provider: Provider): Constructor | undefined {
  if (typeof provider === 'function') return provider;
  return 'useClass' in provider ? (provider.useClass as Constructor) : undefined;
}

function nameOf(token: unknown): string {
  if (typeof token === 'function') return token.name;
  if (typeof token === 'symbol') return token.description ?? token.toString();
  return String(token);
}
