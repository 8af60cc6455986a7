#!/usr/bin/env node
import { TsflowError } from '../errors/tsflow.error';
import { CliUsageError } from './cli-usage.error';
import { MAIN_USAGE } from './cli-usage';
import { runDevServer } from './dev-server.command';

/** The `tsflow` command: dispatches to a subcommand; exit status 2 for usage errors. */
export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'dev-server':
      return runDevServer(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(`${MAIN_USAGE}\n`);
      return;
    default:
      throw new CliUsageError(`tsflow: unknown command "${command}".`, MAIN_USAGE);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n\n${error.usage}\n`);
      process.exitCode = 2;
      return;
    }
    // tsflow's own errors say what, where and what to do; a stack would only bury that.
    const text = error instanceof TsflowError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`tsflow: ${text}\n`);
    process.exitCode = 1;
  });
}
