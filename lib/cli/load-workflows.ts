import { resolve } from 'node:path';
import { WorkerModule } from '../decorators/worker-module.decorator';
import { WORKER_MODULE_METADATA, WORKFLOW_METADATA } from '../metadata/constants';
import type { Constructor } from '../metadata/records';
import { CliUsageError } from './cli-usage.error';

/**
 * What to replay histories against, from a compiled module file: its one
 * exported `@WorkerModule`, else a module made of every `@Workflow` class it exports.
 */
export function loadReplayTarget(modulePath: string, cwd = process.cwd()): Constructor {
  const absolute = resolve(cwd, modulePath);
  let exported: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time
    exported = (require(absolute) ?? {}) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CliUsageError(`tsflow replay: cannot load ${absolute} (${reason}); give the compiled .js file.`, 'tsflow replay');
  }
  const classes = Object.values(exported).filter((v): v is Constructor => typeof v === 'function');
  const modules = classes.filter((c) => Reflect.getOwnMetadata(WORKER_MODULE_METADATA, c) !== undefined);
  if (modules.length === 1) return modules[0];
  if (modules.length > 1) {
    throw new CliUsageError(
      `tsflow replay: ${modulePath} exports ${modules.length} modules (${modules.map((m) => m.name).join(', ')}); ` +
        'export one, or a file that imports them into one @WorkerModule.',
      'tsflow replay',
    );
  }
  const workflows = classes.filter((c) => Reflect.getOwnMetadata(WORKFLOW_METADATA, c) !== undefined);
  if (workflows.length === 0) {
    throw new CliUsageError(`tsflow replay: ${modulePath} exports no @WorkerModule and no @Workflow class.`, 'tsflow replay');
  }
  class ReplayedWorkflows {}
  WorkerModule({ workflows })(ReplayedWorkflows);
  return ReplayedWorkflows;
}
