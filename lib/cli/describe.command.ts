import type { WorkflowExecutionDetail, WorkflowExecutionInfo } from '@aws-sdk/client-swf';
import type { Command } from 'commander';
import { painter, statusStyle, type CliIo } from './cli-io';
import { connect, withConnectionOptions, type ConnectionOptions } from './connection';
import { statusOf } from './list.command';

export function registerDescribeCommand(program: Command, io: CliIo): void {
  withConnectionOptions(
    program
      .command('describe')
      .description('Show one execution: type, status, times, open work, published state, parent')
      .argument('<workflowId>', 'the execution')
      .option('--run-id <runId>', 'a particular run (default: the open one, else the latest)')
      .option('--json', "print SWF's DescribeWorkflowExecution answer as JSON"),
  )
    .addHelpText('after', '\nExample:\n  $ tsflow describe order-42 --domain shop --endpoint http://127.0.0.1:8080\n')
    .action(async (workflowId: string, options: ConnectionOptions & { runId?: string; json?: boolean }) => {
      const { client, watchUrl } = connect(options, 'tsflow describe');
      const detail = await client.getHandle(workflowId, options.runId).describe();
      if (options.json) {
        io.out.write(`${JSON.stringify(detail, null, 2)}\n`);
        return;
      }
      io.out.write(`${formatDetail(detail, painter(io.out, io.env), watchUrl)}\n`);
    });
}

function formatDetail(
  detail: WorkflowExecutionDetail,
  paint: ReturnType<typeof painter>,
  watchUrl?: (workflowId: string, runId: string) => string,
): string {
  const info: Partial<WorkflowExecutionInfo> = detail.executionInfo ?? {};
  const status = statusOf(info);
  const { workflowId = '', runId = '' } = info.execution ?? {};
  const counts: Partial<NonNullable<WorkflowExecutionDetail['openCounts']>> = detail.openCounts ?? {};
  const lines: Array<[string, string | undefined]> = [
    ['run', runId],
    ['type', `${info.workflowType?.name} ${info.workflowType?.version}`],
    ['started', info.startTimestamp?.toISOString()],
    ['closed', info.closeTimestamp?.toISOString()],
    ['task list', detail.executionConfiguration?.taskList?.name],
    [
      'open',
      info.executionStatus === 'OPEN'
        ? `${counts.openActivityTasks ?? 0} activities, ${counts.openLambdaFunctions ?? 0} Lambdas, ${counts.openTimers ?? 0} timers, ` +
          `${counts.openChildWorkflowExecutions ?? 0} children, ${counts.openDecisionTasks ?? 0} decision tasks`
        : undefined,
    ],
    ['parent', info.parent ? `${info.parent.workflowId} (run ${info.parent.runId})` : undefined],
    ['tags', info.tagList?.length ? info.tagList.join(', ') : undefined],
    ['cancel asked', info.cancelRequested ? 'yes' : undefined],
    ['state', detail.latestExecutionContext],
    ['watch', watchUrl?.(workflowId, runId)],
  ];
  const body = lines.filter(([, value]) => value !== undefined && value !== '').map(([key, value]) => `  ${`${key}:`.padEnd(14)}${value}`);
  return [`${paint('bold', workflowId)}  ${paint(statusStyle(status), status)}`, ...body].join('\n');
}
