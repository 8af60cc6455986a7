import { parseArgs } from 'node:util';
import { LocalSwfService } from '../local/local-swf-service';
import { AwsLambdaInvoker } from '../local/lambda/aws-lambda-invoker';
import type { LambdaInvoker } from '../local/lambda/lambda-invoker';
import { exposedWarning, isLoopbackHost } from '../local/transport/host-check';
import type { AccessKey } from '../local/transport/sigv4-check';
import type { ZeroRetention } from '../local/service/service-context';
import { CliUsageError } from './cli-usage.error';
import { DEV_SERVER_USAGE } from './cli-usage';
import { loadLambdaModule } from './load-lambda-module';

export interface DevServerArgs {
  port: number;
  host: string;
  lambdas?: string;
  lambdaEndpoint?: string;
  /** `--access-key ID:SECRET`: serve only requests signed with this key. */
  accessKey?: AccessKey;
  /** SQLite state file: with it the server keeps everything across restarts. */
  db?: string;
  zeroRetention?: ZeroRetention;
  help: boolean;
}

export function parseDevServerArgs(argv: string[]): DevServerArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        lambdas: { type: 'string' },
        'lambda-endpoint': { type: 'string' },
        'access-key': { type: 'string' },
        db: { type: 'string' },
        'zero-retention': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new CliUsageError(`dev-server: ${(error as Error).message}`, DEV_SERVER_USAGE);
  }
  const { values } = parsed;
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new CliUsageError(`dev-server: --port must be a whole number from 0 to 65535, got "${values.port}".`, DEV_SERVER_USAGE);
  }
  if (values.lambdas !== undefined && values['lambda-endpoint'] !== undefined) {
    throw new CliUsageError('dev-server: give either --lambdas or --lambda-endpoint, not both.', DEV_SERVER_USAGE);
  }
  const lambdaEndpoint = values['lambda-endpoint'];
  if (lambdaEndpoint !== undefined && !isHttpUrl(lambdaEndpoint)) {
    throw new CliUsageError(
      `dev-server: --lambda-endpoint must be a URL such as http://127.0.0.1:9001, got "${lambdaEndpoint}".`,
      DEV_SERVER_USAGE,
    );
  }
  if (values.db === '') throw new CliUsageError('dev-server: --db needs a file name, such as --db ./swf.db.', DEV_SERVER_USAGE);
  const zeroRetention = values['zero-retention'];
  if (zeroRetention !== undefined && zeroRetention !== 'delete' && zeroRetention !== 'keep') {
    throw new CliUsageError(`dev-server: --zero-retention must be delete or keep, got "${zeroRetention}".`, DEV_SERVER_USAGE);
  }
  return {
    port,
    host: values.host,
    lambdas: values.lambdas,
    lambdaEndpoint,
    accessKey: accessKeyOf(values['access-key']),
    help: values.help,
    ...(values.db === undefined ? {} : { db: values.db }),
    ...(zeroRetention === undefined ? {} : { zeroRetention }),
  };
}

function accessKeyOf(text: string | undefined): AccessKey | undefined {
  if (text === undefined) return undefined;
  const colon = text.indexOf(':');
  if (colon < 1 || colon === text.length - 1) {
    throw new CliUsageError(
      `dev-server: --access-key must be ID:SECRET (an access key id and its secret), got "${text}".`,
      DEV_SERVER_USAGE,
    );
  }
  return { id: text.slice(0, colon), secret: text.slice(colon + 1) };
}

/**
 * Starts the service over HTTP and keeps it up until SIGINT/SIGTERM. The
 * first stdout line carries the URL, so scripts (and specs) can read the port.
 */
export async function runDevServer(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const args = parseDevServerArgs(argv);
  if (args.help) {
    out.write(`${DEV_SERVER_USAGE}\n`);
    return;
  }
  const { invoker, describe } = lambdaInvoker(args);
  const service = new LocalSwfService({ lambdaInvoker: invoker, db: args.db, zeroRetention: args.zeroRetention });
  const server = await service.listen({ port: args.port, host: args.host, accessKey: args.accessKey });
  out.write(`tsflow dev-server listening on ${server.url}\n`);
  if (!isLoopbackHost(args.host) && !args.accessKey) process.stderr.write(`${exposedWarning(args.host, server.port)}\n`);
  out.write(`  ${args.accessKey ? 'dashboard: closed (--access-key)' : `dashboard: ${server.url}/`}   lambdas: ${describe}\n`);
  out.write(
    `  state: ${args.db === undefined ? 'in memory (lost when the server stops; --db FILE keeps it)' : `${args.db} (kept across restarts)`}\n`,
  );
  const credentials = args.accessKey ? `requests must be signed with access key ${args.accessKey.id}` : 'any credentials are accepted';
  out.write(`  ${credentials}; Ctrl-C stops the server\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1); // a second Ctrl-C means "now"
    stopping = true;
    out.write(`tsflow dev-server: ${signal}, closing\n`);
    service.close().then(
      () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      },
      (error: unknown) => {
        process.stderr.write(`tsflow dev-server: close failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function lambdaInvoker(args: DevServerArgs): { invoker?: LambdaInvoker; describe: string } {
  if (args.lambdaEndpoint !== undefined) {
    const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
    // A Lambda emulator on this machine takes any credentials; without this, a machine with
    // no AWS setup would send the SDK's credential chain off to the EC2 metadata service.
    const dummy = isLoopback(args.lambdaEndpoint) && process.env.AWS_ACCESS_KEY_ID === undefined;
    const credentials = dummy ? { accessKeyId: 'tsflow-local', secretAccessKey: 'tsflow-local' } : undefined;
    return {
      invoker: new AwsLambdaInvoker({ clientConfig: { endpoint: args.lambdaEndpoint, region, credentials } }),
      describe: `Lambda Invoke API at ${args.lambdaEndpoint}${dummy ? ' (dummy credentials)' : ''}`,
    };
  }
  if (args.lambdas !== undefined) {
    const { invoker, names } = loadLambdaModule(args.lambdas);
    return { invoker, describe: names.join(', ') };
  }
  return { describe: 'none (use --lambdas or --lambda-endpoint)' };
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}
