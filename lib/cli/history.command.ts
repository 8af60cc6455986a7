import type { Command } from 'commander';
import { formatTimeline } from '../client/timeline';
import type { CliIo } from './cli-io';
import { connect, withConnectionOptions, type ConnectionOptions } from './connection';

export function registerHistoryCommand(program: Command, io: CliIo): void {
  withConnectionOptions(
    program
      .command('history')
      .description("Print an execution's history as a readable timeline")
      .argument('<workflowId>', 'the execution')
      .option('--run-id <runId>', 'a particular run (default: the open one, else the latest)')
      .option('--json', 'print the events as get-workflow-execution-history does ({ "events": [...] }), for tsflow replay')
      .option('--hide-decision-tasks', 'leave out decision task bookkeeping'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ tsflow history order-42 --domain shop --endpoint http://127.0.0.1:8080\n  $ tsflow history order-42 --json > spec/fixtures/histories/order-42.json\n',
    )
    .action(async (workflowId: string, options: ConnectionOptions & { runId?: string; json?: boolean; hideDecisionTasks?: boolean }) => {
      const { client } = connect(options, 'tsflow history');
      const events = await client.getHandle(workflowId, options.runId).history();
      if (options.json) {
        io.out.write(`${JSON.stringify({ events }, null, 2)}\n`);
        return;
      }
      io.out.write(`${formatTimeline(events, { hideDecisionTasks: options.hideDecisionTasks })}\n`);
    });
}
