#!/usr/bin/env node
import 'reflect-metadata';
import { CommanderError } from 'commander';
import { painter, processIo, type CliIo } from './cli-io';
import { CliUsageError } from './cli-usage.error';
import { createProgram } from './program';

/** Exit statuses: 0 done, 1 the operation failed (or a history did not replay), 2 the command line is wrong. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * The `tsflow` command. Errors come out as one line on standard error,
 * `tsflow <command>: what went wrong`, with a non-zero exit status
 * (`TSFLOW_DEBUG=1` adds the stack).
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = createProgram(io, packageVersion());
  let running = 'tsflow';
  program.hook('preAction', (_program, action) => {
    running = `tsflow ${action.name()}`;
  });
  if (argv.length === 0) {
    io.out.write(program.helpInformation());
    return 0;
  }
  const fail = (message: string, code: number): number => {
    const paint = painter(io.err, io.env);
    io.err.write(`${paint('red', message)}\n`);
    return code;
  };
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      const command = (error as CommanderError & { commandName?: string }).commandName ?? 'tsflow';
      const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '); // "(Did you mean …?)" joins the line
      return fail(`${command}: ${message} (see ${command} --help)`, EXIT_USAGE);
    }
    if (error instanceof CliUsageError) return fail(`${error.message} (see ${error.command} --help)`, EXIT_USAGE);
    if (io.env.TSFLOW_DEBUG) io.err.write(`${(error as Error)?.stack ?? String(error)}\n`);
    // One line: the first of the message (a failed execution's details, a stack, follow on others).
    const [first, ...more] = (error instanceof Error ? error.message : String(error)).split('\n');
    const hint = more.some((line) => line.trim() !== '') && !io.env.TSFLOW_DEBUG ? ' (TSFLOW_DEBUG=1 shows the details)' : '';
    const unreachable = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH/.test(first)
      ? '; check --endpoint (or SWF_ENDPOINT), or start `tsflow dev-server`'
      : '';
    return fail(`${running}: ${first}${unreachable}${hint}`, EXIT_FAILED);
  }
}

function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- read once, at run time, from the installed package
  return (require('../../../package.json') as { version: string }).version;
}

if (require.main === module) {
  // The SDK's warning that its 2027 releases will need Node 22 says nothing a CLI user can act on
  // mid-command, and would bury the one line of output: the README states the Node versions instead.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // `tsflow list | head` closes the pipe early: that is the reader's choice, not an error to print a stack for.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`tsflow: ${String(error)}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
