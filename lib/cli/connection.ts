import { hostname } from 'node:os';
import { SWFClient } from '@aws-sdk/client-swf';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Option, type Command } from 'commander';
import { WorkflowClient } from '../client/workflow-client';
import { dashboardUrl } from '../local/dashboard/dashboard-url';
import { CliUsageError } from './cli-usage.error';

/** `--endpoint`, `--region` and `--domain`, each defaulting to an environment variable. */
export interface ConnectionOptions {
  endpoint?: string;
  region?: string;
  domain?: string;
}

/** Adds the options every command that talks to SWF takes. */
export function withConnectionOptions(command: Command): Command {
  return command
    .addOption(new Option('--endpoint <url>', 'SWF endpoint, e.g. a tsflow dev-server (default: AWS SWF of --region)').env('SWF_ENDPOINT'))
    .addOption(
      new Option('--region <region>', 'AWS region (default: the AWS SDK settings; us-east-1 for a loopback endpoint)').env('SWF_REGION'),
    )
    .addOption(new Option('--domain <name>', 'SWF domain').env('SWF_DOMAIN'));
}

export interface Connection {
  client: WorkflowClient;
  swf: SWFClient;
  domain: string;
  /** Where a person can watch an execution, for a dev-server endpoint. */
  watchUrl?: (workflowId: string, runId: string) => string;
}

/** A client for the options' domain; a loopback endpoint with no AWS credentials set gets dummy ones (the dev server takes any). */
export function connect(options: ConnectionOptions, commandName: string): Connection {
  const domain = options.domain;
  if (!domain) throw new CliUsageError(`${commandName}: no domain; give --domain <name> or set SWF_DOMAIN.`, commandName);
  const endpoint = options.endpoint;
  if (endpoint !== undefined && !isHttpUrl(endpoint)) {
    throw new CliUsageError(`${commandName}: --endpoint must be a URL such as http://127.0.0.1:8080, got "${endpoint}".`, commandName);
  }
  const local = endpoint !== undefined && isLoopback(endpoint);
  const swf = new SWFClient({
    endpoint,
    region: options.region ?? (local ? (process.env.AWS_REGION ?? 'us-east-1') : undefined),
    credentials: local && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'tsflow-cli', secretAccessKey: 'tsflow-cli' } : undefined,
    // A connection refused should be one clear error, not a minute of retries.
    maxAttempts: local ? 1 : 3,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 5000, requestTimeout: 70_000 }),
  });
  const watchUrl =
    endpoint !== undefined && !/amazonaws\.com/.test(endpoint)
      ? (workflowId: string, runId: string) => dashboardUrl(endpoint, domain, workflowId, runId)
      : undefined;
  const client = new WorkflowClient(swf, { domain, taskList: '', identity: `tsflow-cli@${hostname()}`, watchUrl });
  return { client, swf, domain, watchUrl };
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}
