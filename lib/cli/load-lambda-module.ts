import { resolve } from 'node:path';
import { InProcessLambdaInvoker, type InProcessLambdaFunction } from '../local/lambda/in-process-lambda-invoker';
import { CliUsageError } from './cli-usage.error';

/**
 * Loads a CommonJS module (path relative to `cwd`) and registers each
 * exported function as an in-process Lambda function under its export name.
 */
export function loadLambdaModule(modulePath: string, cwd = process.cwd()): { invoker: InProcessLambdaInvoker; names: string[] } {
  const absolute = resolve(cwd, modulePath);
  let exported: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time
    exported = require(absolute);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CliUsageError(`tsflow dev-server: --lambdas ${modulePath}: cannot load ${absolute} (${reason}).`, 'tsflow dev-server');
  }
  const invoker = new InProcessLambdaInvoker();
  const names: string[] = [];
  for (const [name, value] of Object.entries((exported ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'function') continue;
    invoker.register(name, value as InProcessLambdaFunction);
    names.push(name);
  }
  if (names.length === 0) {
    throw new CliUsageError(
      `tsflow dev-server: --lambdas ${modulePath}: ${absolute} exports no functions; export each Lambda function by its name (exports.string_upcase = ...).`,
      'tsflow dev-server',
    );
  }
  return { invoker, names };
}
