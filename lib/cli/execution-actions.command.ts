import type { Command } from 'commander';
import type { ChildPolicy } from '../metadata/options';
import type { CliIo } from './cli-io';
import { CliUsageError } from './cli-usage.error';
import { connect, withConnectionOptions, type ConnectionOptions } from './connection';
import { readJsonInput } from './json-input';

interface TargetOptions extends ConnectionOptions {
  runId?: string;
}

const CHILD_POLICIES = ['TERMINATE', 'REQUEST_CANCEL', 'ABANDON'];

/** `tsflow signal`, `tsflow cancel` and `tsflow terminate`: one SWF call each on an open execution. */
export function registerExecutionActions(program: Command, io: CliIo): void {
  withConnectionOptions(
    program
      .command('signal')
      .description('Send a signal to an open execution')
      .argument('<workflowId>', 'the execution')
      .argument('<signal>', 'the signal name')
      .option('--input <json|@file>', "the signal's input, as JSON or @file")
      .option('--run-id <runId>', 'a particular run (default: the open one)'),
  )
    .addHelpText('after', `\nExample:\n  $ tsflow signal order-42 approve --input '{"by":"ada"}' --domain shop\n`)
    .action(async (workflowId: string, signal: string, options: TargetOptions & { input?: string }) => {
      const { client } = connect(options, 'tsflow signal');
      await client.signal(workflowId, signal, readJsonInput(options.input, '--input', 'tsflow signal'), options.runId);
      io.out.write(`Signalled ${signal} to ${workflowId}\n`);
    });

  withConnectionOptions(
    program
      .command('cancel')
      .description('Ask an open execution to cancel (the workflow decides how it closes)')
      .argument('<workflowId>', 'the execution')
      .option('--run-id <runId>', 'a particular run (default: the open one)'),
  )
    .addHelpText('after', '\nExample:\n  $ tsflow cancel order-42 --domain shop --endpoint http://127.0.0.1:8080\n')
    .action(async (workflowId: string, options: TargetOptions) => {
      const { client } = connect(options, 'tsflow cancel');
      await client.cancel(workflowId, options.runId);
      io.out.write(`Requested cancellation of ${workflowId}\n`);
    });

  withConnectionOptions(
    program
      .command('terminate')
      .description('Close an open execution at once, without asking the workflow')
      .argument('<workflowId>', 'the execution')
      .option('--run-id <runId>', 'a particular run (default: the open one)')
      .option('--reason <text>', 'recorded in the history')
      .option('--details <text>', 'recorded in the history')
      .option('--child-policy <policy>', `what happens to its children: ${CHILD_POLICIES.join(', ')}`),
  )
    .addHelpText('after', '\nExample:\n  $ tsflow terminate order-42 --reason "stuck on a bad address" --domain shop\n')
    .action(async (workflowId: string, options: TargetOptions & { reason?: string; details?: string; childPolicy?: string }) => {
      const { client } = connect(options, 'tsflow terminate');
      if (options.childPolicy !== undefined && !CHILD_POLICIES.includes(options.childPolicy)) {
        throw new CliUsageError(
          `tsflow terminate: --child-policy must be one of ${CHILD_POLICIES.join(', ')}, got "${options.childPolicy}".`,
          'tsflow terminate',
        );
      }
      await client.terminate(workflowId, {
        runId: options.runId,
        reason: options.reason,
        details: options.details,
        childPolicy: options.childPolicy as ChildPolicy | undefined,
      });
      io.out.write(`Terminated ${workflowId}\n`);
    });
}
