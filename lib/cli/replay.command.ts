import type { Command } from 'commander';
import { replayHistories } from '../testing/replay-histories';
import { painter, type CliIo } from './cli-io';
import { loadReplayTarget } from './load-workflows';

/** Exit status when a history does not replay: the code is not safe to deploy over executions like it. */
export const NONDETERMINISM_EXIT = 1;

export function registerReplayCommand(program: Command, io: CliIo): void {
  program
    .command('replay')
    .description("Replay recorded histories through a module's current code; exit 1 if any does not replay")
    .argument('<module-file>', 'a compiled file exporting a @WorkerModule (or @Workflow classes)')
    .argument('<history.json...>', 'histories saved by `tsflow history --json` or `aws swf get-workflow-execution-history`')
    .addHelpText('after', '\nExample:\n  $ tsflow replay dist/orders.module.js spec/fixtures/histories/*.json\n')
    .action(async (modulePath: string, files: string[]) => {
      const target = loadReplayTarget(modulePath);
      const results = await replayHistories(target, files);
      const paint = painter(io.out, io.env);
      for (const r of results) {
        const what = `${r.source}${r.workflowType ? ` (${r.workflowType})` : ''}`;
        io.out.write(r.ok ? `${paint('green', 'ok')}    ${what}\n` : `${paint('red', 'FAIL')}  ${what}\n      ${r.error?.message}\n`);
      }
      const failed = results.filter((r) => !r.ok).length;
      io.out.write(`${results.length - failed} of ${results.length} histories replay\n`);
      if (failed > 0) process.exitCode = NONDETERMINISM_EXIT;
    });
}
