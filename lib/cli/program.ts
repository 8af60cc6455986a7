import { Command } from 'commander';
import type { CliIo } from './cli-io';
import { registerDescribeCommand } from './describe.command';
import { registerDevServerCommand } from './dev-server.command';
import { registerExecutionActions } from './execution-actions.command';
import { registerHistoryCommand } from './history.command';
import { registerListCommand } from './list.command';
import { registerReplayCommand } from './replay.command';
import { registerStartCommand } from './start.command';

const EXAMPLES = `
Examples:
  $ tsflow dev-server --port 8080 --lambdas dist/samples/string-transformer/lambdas.js
  $ export SWF_ENDPOINT=http://127.0.0.1:8080 SWF_DOMAIN=tsflow-samples
  $ tsflow start StringTransformer --input '["Hello"," ","World"]' --wait
  $ tsflow list --closed
  $ tsflow history StringTransformer-1234 --json > history.json
  $ tsflow replay dist/app.module.js history.json

--endpoint, --region and --domain default to SWF_ENDPOINT, SWF_REGION and SWF_DOMAIN.
`;

/** The `tsflow` command and its subcommands; parsing errors are thrown (as CommanderError), never exit the process. */
export function createProgram(io: CliIo, version: string): Command {
  const program = new Command('tsflow')
    .description('Run, inspect and replay AWS SWF workflows written with tsflow')
    .version(version, '-V, --version')
    .configureOutput({
      writeOut: (text) => io.out.write(text),
      writeErr: (text) => io.err.write(text),
      // main prints parsing errors itself, as one line naming the command
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', EXAMPLES);
  registerDevServerCommand(program, io);
  registerStartCommand(program, io);
  registerExecutionActions(program, io);
  registerListCommand(program, io);
  registerDescribeCommand(program, io);
  registerHistoryCommand(program, io);
  registerReplayCommand(program, io);
  program.exitOverride();
  for (const command of program.commands) {
    command.exitOverride((error) => {
      throw Object.assign(error, { commandName: `tsflow ${command.name()}` });
    });
  }
  return program;
}
