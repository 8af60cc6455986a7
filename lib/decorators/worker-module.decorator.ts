import type { InjectionToken, DependencyContainer } from 'tsyringe';
import { WORKER_MODULE_METADATA } from '../metadata/constants';
import type { Constructor } from '../metadata/records';
import { checkOptions } from './check-options';

/** A DI provider: a class, or a token with a value, a class or a factory. */
export type Provider<T = unknown> =
  | Constructor<T>
  | { provide: InjectionToken<T>; useValue: T }
  | { provide: InjectionToken<T>; useClass: Constructor<T> }
  | { provide: InjectionToken<T>; useFactory: (container: DependencyContainer) => T };

/** What a `@WorkerModule` holds. */
export interface WorkerModuleOptions {
  /** Other `@WorkerModule` classes whose workflows, activities and providers this one includes. */
  imports?: Constructor[];
  /** `@Workflow` classes the decider runs. */
  workflows?: Constructor[];
  /** `@Activities` classes the activity worker runs (singletons in the app's container). */
  activities?: Constructor[];
  /** Services to inject: classes, or `{ provide, useValue | useClass | useFactory }` (singletons in the app's container). */
  providers?: Provider[];
}

/**
 * Declares what an application serves: its workflows, its activity classes and
 * the providers they are injected with.
 *
 * @example
 * ```ts
 * @WorkerModule({ workflows: [StringTransformer], activities: [SubscriptionActivities], providers: [Mailer] })
 * export class AppModule {}
 * const app = await FlowFactory.create(AppModule, { domain: 'samples', taskList: 'main', local: true });
 * ```
 */
export function WorkerModule(options: WorkerModuleOptions): ClassDecorator {
  return (target) => {
    checkOptions('WorkerModule', target.name, options, ['imports', 'workflows', 'activities', 'providers']);
    for (const key of ['imports', 'workflows', 'activities', 'providers'] as const) {
      const list = options[key];
      if (list !== undefined && !Array.isArray(list)) throw new TypeError(`@WorkerModule on ${target.name}: '${key}' must be an array.`);
      list?.forEach((item, i) => {
        if (item === undefined || item === null) {
          throw new TypeError(`@WorkerModule on ${target.name}: ${key}[${i}] is ${item} (a circular import between files?).`);
        }
      });
    }
    Reflect.defineMetadata(WORKER_MODULE_METADATA, { ...options }, target);
  };
}
