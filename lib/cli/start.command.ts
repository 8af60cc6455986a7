import { ListWorkflowTypesCommand, DescribeWorkflowTypeCommand, type SWFClient } from '@aws-sdk/client-swf';
import type { Command } from 'commander';
import { swfCall } from '../client/swf-call';
import type { WorkflowHandle } from '../client/workflow-handle';
import { painter, startProgress, type CliIo } from './cli-io';
import { CliUsageError } from './cli-usage.error';
import { connect, withConnectionOptions, type ConnectionOptions } from './connection';
import { readJsonInput } from './json-input';

interface StartOptions extends ConnectionOptions {
  version?: string;
  input?: string;
  id?: string;
  taskList?: string;
  wait?: boolean;
  timeout?: string;
}

export function registerStartCommand(program: Command, io: CliIo): void {
  withConnectionOptions(
    program
      .command('start')
      .description('Start an execution of a registered workflow type')
      .argument('<type>', 'the workflow type name')
      .option('--version <version>', 'the type version (default: the only registered version)')
      .option('--input <json|@file>', 'the input, as JSON or @file holding JSON')
      .option('--id <workflowId>', 'the workflow id (default: <type>-<uuid>)')
      .option('--task-list <name>', "the decision task list (default: the type's default)")
      .option('--wait', 'wait for the execution to close and print its result')
      .option('--timeout <seconds>', 'with --wait, give up after this long'),
  )
    .addHelpText(
      'after',
      `
Example:
  $ tsflow start StringTransformer --input '["Hello"," ","World"]' --wait \\
      --endpoint http://127.0.0.1:8080 --domain tsflow-samples
`,
    )
    .action(async (type: string, options: StartOptions) => {
      const { client, swf, domain, watchUrl } = connect(options, 'tsflow start');
      const version = options.version ?? (await onlyVersion(swf, domain, type));
      const taskList = options.taskList ?? (await defaultTaskList(swf, domain, type, version));
      const input = readJsonInput(options.input, '--input', 'tsflow start');
      const timeoutMs = options.timeout === undefined ? undefined : seconds(options.timeout) * 1000;
      const handle = await client.start({ name: type, version }, input, { workflowId: options.id, taskList });
      const paint = painter(io.out, io.env);
      io.out.write(`Started ${paint('bold', `${type} ${version}`)} as ${handle.workflowId} (run ${handle.runId})\n`);
      if (watchUrl) io.out.write(`  watch: ${watchUrl(handle.workflowId, handle.runId ?? '')}\n`);
      if (options.wait) await printResult(io, handle, timeoutMs);
    });
}

async function printResult(io: CliIo, handle: WorkflowHandle, timeoutMs: number | undefined): Promise<void> {
  const progress = startProgress(io, `waiting for ${handle.workflowId} to close`);
  try {
    const result = await handle.result({ timeoutMs });
    io.out.write(`${JSON.stringify(result)}\n`);
  } finally {
    progress.stop();
  }
}

async function onlyVersion(swf: SWFClient, domain: string, name: string): Promise<string> {
  const { typeInfos = [] } = await swfCall('ListWorkflowTypes', `named ${name} in domain ${domain}`, () =>
    swf.send(new ListWorkflowTypesCommand({ domain, name, registrationStatus: 'REGISTERED' })),
  );
  const versions = typeInfos.map((t) => t.workflowType?.version ?? '');
  if (versions.length === 1) return versions[0];
  if (versions.length === 0) {
    throw new CliUsageError(
      `tsflow start: no workflow type ${name} is registered in domain ${domain}; start its worker first (it registers its types), or check the name.`,
      'tsflow start',
    );
  }
  throw new CliUsageError(
    `tsflow start: ${name} has ${versions.length} versions in domain ${domain} (${versions.join(', ')}); pick one with --version.`,
    'tsflow start',
  );
}

async function defaultTaskList(swf: SWFClient, domain: string, name: string, version: string): Promise<string> {
  const { configuration } = await swfCall('DescribeWorkflowType', `${name} ${version} in domain ${domain}`, () =>
    swf.send(new DescribeWorkflowTypeCommand({ domain, workflowType: { name, version } })),
  );
  const taskList = configuration?.defaultTaskList?.name;
  if (!taskList) throw new CliUsageError(`tsflow start: ${name} ${version} has no default task list; give --task-list.`, 'tsflow start');
  return taskList;
}

function seconds(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value <= 0)
    throw new CliUsageError(`tsflow start: --timeout must be a number of seconds, got "${text}".`, 'tsflow start');
  return value;
}
