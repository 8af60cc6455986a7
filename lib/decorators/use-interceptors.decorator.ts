import { INTERCEPTORS_METADATA } from '../metadata/constants';
import type { InterceptorItem } from '../metadata/interceptor-metadata';

/**
 * Puts interceptors on one `@Workflow` class (around the calls its `run`
 * makes; they must declare `deterministic: true`) or one `@Activities` class
 * (around its activity methods). Each item is an interceptor, or a class of one:
 * for activities it is resolved from the app's container, for workflows built
 * with `new`. They run inside the module's own (`@WorkerModule({ interceptors })`).
 *
 * @example
 * ```ts
 * @UseInterceptors(AuditInterceptor)
 * @Activities({ version: '1.0' })
 * export class PaymentActivities { … }
 * ```
 */
export function UseInterceptors(...interceptors: InterceptorItem[]): ClassDecorator {
  return (target) => {
    interceptors.forEach((item, i) => {
      if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
        throw new TypeError(`@UseInterceptors on ${target.name}: item ${i} is ${String(item)}; give an interceptor or its class.`);
      }
    });
    const existing = (Reflect.getOwnMetadata(INTERCEPTORS_METADATA, target) as InterceptorItem[] | undefined) ?? [];
    // Decorators apply bottom-up: keep the order in which they are written.
    Reflect.defineMetadata(INTERCEPTORS_METADATA, [...interceptors, ...existing], target);
  };
}
