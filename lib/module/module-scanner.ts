import type { Provider, WorkerModuleOptions } from '../decorators/worker-module.decorator';
import { InvalidDefinitionError } from '../metadata/definition.error';
import type { InterceptorItem } from '../metadata/interceptor-metadata';
import { WORKER_MODULE_METADATA } from '../metadata/constants';
import type { Constructor } from '../metadata/records';

/** A module tree flattened: each class once, in import order (imports first). */
export interface ScannedModule {
  workflows: Constructor[];
  activities: Constructor[];
  providers: Provider[];
  interceptors: InterceptorItem[];
}

export function scanModule(root: Constructor): ScannedModule {
  const result: ScannedModule = { workflows: [], activities: [], providers: [], interceptors: [] };
  const visited = new Set<Constructor>();
  const visit = (module: Constructor, path: string[]): void => {
    const options = Reflect.getOwnMetadata(WORKER_MODULE_METADATA, module) as WorkerModuleOptions | undefined;
    if (!options) {
      const via = path.length ? ` (imported by ${path.join(' → ')})` : '';
      throw new InvalidDefinitionError(`${module?.name ?? String(module)} is not a module: decorate it with @WorkerModule({ … })${via}.`);
    }
    if (visited.has(module)) return;
    visited.add(module);
    for (const imported of options.imports ?? []) visit(imported, [...path, module.name]);
    addAll(result.workflows, options.workflows);
    addAll(result.activities, options.activities);
    addAll(result.providers, options.providers);
    addAll(result.interceptors, options.interceptors);
  };
  visit(root, []);
  return result;
}

function addAll<T>(into: T[], items: readonly T[] | undefined): void {
  for (const item of items ?? []) if (!into.includes(item)) into.push(item);
}
