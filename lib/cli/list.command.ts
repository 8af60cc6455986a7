import type { WorkflowExecutionInfo } from '@aws-sdk/client-swf';
import type { Command } from 'commander';
import type { CloseStatus, ListOptions } from '../client/list-executions';
import type { TypeReference } from '../metadata/options';
import { painter, statusStyle, type CliIo } from './cli-io';
import { CliUsageError } from './cli-usage.error';
import { connect, withConnectionOptions, type ConnectionOptions } from './connection';
import { formatTable } from './table';

interface ListCommandOptions extends ConnectionOptions {
  open?: boolean;
  closed?: boolean;
  type?: string;
  typeVersion?: string;
  status?: string;
  id?: string;
  tag?: string;
  since?: string;
  limit?: string;
  json?: boolean;
}

const CLOSE_STATUSES: CloseStatus[] = ['COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'];

export function registerListCommand(program: Command, io: CliIo): void {
  withConnectionOptions(
    program
      .command('list')
      .description('List executions of the domain, open and closed (newest first)')
      .option('--open', 'only open executions')
      .option('--closed', 'only closed executions')
      .option('--type <name>', 'only this workflow type')
      .option('--type-version <version>', 'with --type, only this version')
      .option('--status <closeStatus>', `only closed ones that closed so: ${CLOSE_STATUSES.join(', ')}`)
      .option('--id <workflowId>', 'only this workflow id')
      .option('--tag <tag>', 'only executions with this tag')
      .option('--since <date>', 'started at or after this ISO date (default: 30 days ago)')
      .option('--limit <n>', 'at most this many of each (open, closed)')
      .option('--json', 'print the executions as JSON'),
  )
    .addHelpText('after', '\nExample:\n  $ tsflow list --closed --status FAILED --domain shop --endpoint http://127.0.0.1:8080\n')
    .action(async (options: ListCommandOptions) => {
      const { client } = connect(options, 'tsflow list');
      const filters = listFilters(options);
      const wanted: Array<'open' | 'closed'> = options.open === options.closed ? ['open', 'closed'] : options.open ? ['open'] : ['closed'];
      if (options.status !== undefined && options.open) throw usage('--status applies to closed executions; drop --open.');
      const found: WorkflowExecutionInfo[] = [];
      for (const status of options.status !== undefined ? ['closed' as const] : wanted)
        found.push(...(await client.list({ ...filters, status })));
      found.sort((a, b) => (b.startTimestamp?.getTime() ?? 0) - (a.startTimestamp?.getTime() ?? 0));
      if (options.json) {
        io.out.write(`${JSON.stringify(found, null, 2)}\n`);
        return;
      }
      if (found.length === 0) {
        io.out.write('No executions match.\n');
        return;
      }
      const paint = painter(io.out, io.env);
      const rows = found.map((x) => [
        x.execution?.workflowId ?? '',
        x.execution?.runId ?? '',
        `${x.workflowType?.name} ${x.workflowType?.version}`,
        statusOf(x),
        x.startTimestamp?.toISOString() ?? '',
        x.closeTimestamp?.toISOString() ?? '',
      ]);
      const table = formatTable(['WORKFLOW ID', 'RUN ID', 'TYPE', 'STATUS', 'STARTED', 'CLOSED'], rows, (column, text) =>
        column === 3 ? paint(statusStyle(text), text) : text,
      );
      io.out.write(`${table}\n`);
    });
}

export function statusOf(x: Partial<WorkflowExecutionInfo>): string {
  return x.executionStatus === 'OPEN' ? 'OPEN' : (x.closeStatus ?? 'CLOSED');
}

function listFilters(options: ListCommandOptions): ListOptions {
  if (options.typeVersion !== undefined && options.type === undefined) throw usage('--type-version needs --type.');
  const given = (['type', 'status', 'id', 'tag'] as const).filter((key) => options[key] !== undefined);
  if (given.length > 1)
    throw usage(`SWF filters by one of --type, --status, --id and --tag at a time; got ${given.map((k) => `--${k}`).join(' and ')}.`);
  const status = options.status?.toUpperCase();
  if (status !== undefined && !CLOSE_STATUSES.includes(status as CloseStatus)) {
    throw usage(`--status must be one of ${CLOSE_STATUSES.join(', ')}, got "${options.status}".`);
  }
  const since = options.since === undefined ? undefined : new Date(options.since);
  if (since !== undefined && Number.isNaN(since.getTime()))
    throw usage(`--since must be a date such as 2026-01-31 or 2026-01-31T12:00:00Z, got "${options.since}".`);
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw usage(`--limit must be a whole number above 0, got "${options.limit}".`);
  return {
    // SWF filters by name alone when the version is left out.
    type: options.type === undefined ? undefined : ({ name: options.type, version: options.typeVersion } as TypeReference),
    closeStatus: status as CloseStatus | undefined,
    workflowId: options.id,
    tag: options.tag,
    startedAfter: since,
    limit,
  };
}

function usage(message: string): CliUsageError {
  return new CliUsageError(`tsflow list: ${message}`, 'tsflow list');
}
