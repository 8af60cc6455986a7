import type { Command } from 'commander';
import { LocalSwfService } from '../local/local-swf-service';
import { AwsLambdaInvoker } from '../local/lambda/aws-lambda-invoker';
import type { LambdaInvoker } from '../local/lambda/lambda-invoker';
import type { ZeroRetention } from '../local/service/service-context';
import { exposedWarning, isLoopbackHost } from '../local/transport/host-check';
import type { AccessKey } from '../local/transport/sigv4-check';
import type { CliIo } from './cli-io';
import { CliUsageError } from './cli-usage.error';
import { isHttpUrl, isLoopback } from './connection';
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
}

interface DevServerOptions {
  port: string;
  host: string;
  lambdas?: string;
  lambdaEndpoint?: string;
  db?: string;
  zeroRetention?: string;
  accessKey?: string;
}

const HELP = `
Credentials: without --access-key the dev server accepts ANY credentials and
does not check signatures. The SDKs and the AWS CLI still need some credentials
to sign with, so give them dummy ones. On loopback it answers only requests
whose Host is localhost, 127.0.0.1 or [::1] with its port (DNS rebinding);
bound to another address (--host 0.0.0.0) anyone who can reach the port can
read and change everything, unless --access-key is set.

Point a client at it:
  AWS CLI:  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x \\
            aws swf list-domains --registration-status REGISTERED \\
              --endpoint-url http://127.0.0.1:8080 --region us-east-1
  SDK v3:   new SWFClient({ endpoint: 'http://127.0.0.1:8080', region: 'us-east-1',
              credentials: { accessKeyId: 'x', secretAccessKey: 'x' } })
  tsflow:   tsflow list --endpoint http://127.0.0.1:8080 --domain <domain>

Example:
  $ tsflow dev-server --port 8080 --lambdas dist/samples/string-transformer/lambdas.js
  $ tsflow dev-server --db ./swf.db   # keeps domains, histories and open executions across restarts

The first line printed on stdout is "tsflow dev-server listening on <url>".
Ctrl-C or SIGTERM stops the server.
`;

export function registerDevServerCommand(program: Command, io: CliIo): void {
  program
    .command('dev-server')
    .description("Run the embedded SWF-compatible service over HTTP (SWF's JSON protocol) with a dashboard")
    .option('--port <n>', 'port to listen on (0 picks a free port)', '8080')
    .option('--host <address>', 'address to bind (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--lambdas <module>', 'a CommonJS module whose exported functions become the Lambda functions, by export name')
    .option('--lambda-endpoint <url>', 'run Lambda tasks through the Lambda Invoke API at this URL instead')
    .option(
      '--db <file>',
      'keep all state in this SQLite file (created when missing): every accepted call is committed before it is answered, ' +
        'and a server started again on the file, even after kill -9, carries on',
    )
    .option(
      '--access-key <id:secret>',
      'serve only requests signed (AWS Signature V4) with this access key; others get AccessDeniedException, and the dashboard is closed',
    )
    .option(
      '--zero-retention <mode>',
      'closed runs of a domain with retention 0 or NONE: delete (default, as SWF) or keep (for development)',
    )
    .addHelpText('after', HELP)
    .action(async (options: DevServerOptions) => {
      await runDevServer(checkDevServerArgs(options), io);
    });
}

/** Validates the options as given on the command line. */
export function checkDevServerArgs(options: DevServerOptions): DevServerArgs {
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) throw usage(`--port must be a whole number from 0 to 65535, got "${options.port}".`);
  if (options.lambdas !== undefined && options.lambdaEndpoint !== undefined)
    throw usage('give either --lambdas or --lambda-endpoint, not both.');
  if (options.lambdaEndpoint !== undefined && !isHttpUrl(options.lambdaEndpoint)) {
    throw usage(`--lambda-endpoint must be a URL such as http://127.0.0.1:9001, got "${options.lambdaEndpoint}".`);
  }
  if (options.db === '') throw usage('--db needs a file name, such as --db ./swf.db.');
  const zeroRetention = options.zeroRetention;
  if (zeroRetention !== undefined && zeroRetention !== 'delete' && zeroRetention !== 'keep') {
    throw usage(`--zero-retention must be delete or keep, got "${zeroRetention}".`);
  }
  return {
    port,
    host: options.host,
    lambdas: options.lambdas,
    lambdaEndpoint: options.lambdaEndpoint,
    accessKey: accessKeyOf(options.accessKey),
    ...(options.db === undefined ? {} : { db: options.db }),
    ...(zeroRetention === undefined ? {} : { zeroRetention }),
  };
}

function accessKeyOf(text: string | undefined): AccessKey | undefined {
  if (text === undefined) return undefined;
  const colon = text.indexOf(':');
  if (colon < 1 || colon === text.length - 1)
    throw usage(`--access-key must be ID:SECRET (an access key id and its secret), got "${text}".`);
  return { id: text.slice(0, colon), secret: text.slice(colon + 1) };
}

/**
 * Starts the service over HTTP and keeps it up until SIGINT/SIGTERM. The
 * first stdout line carries the URL, so scripts (and specs) can read the port.
 */
export async function runDevServer(args: DevServerArgs, io: CliIo): Promise<void> {
  const { invoker, describe } = lambdaInvoker(args);
  const service = new LocalSwfService({ lambdaInvoker: invoker, db: args.db, zeroRetention: args.zeroRetention });
  const server = await service.listen({ port: args.port, host: args.host, accessKey: args.accessKey });
  io.out.write(`tsflow dev-server listening on ${server.url}\n`);
  if (!isLoopbackHost(args.host) && !args.accessKey) io.err.write(`${exposedWarning(args.host, server.port)}\n`);
  io.out.write(`  ${args.accessKey ? 'dashboard: closed (--access-key)' : `dashboard: ${server.url}/`}   lambdas: ${describe}\n`);
  io.out.write(
    `  state: ${args.db === undefined ? 'in memory (lost when the server stops; --db FILE keeps it)' : `${args.db} (kept across restarts)`}\n`,
  );
  const credentials = args.accessKey ? `requests must be signed with access key ${args.accessKey.id}` : 'any credentials are accepted';
  io.out.write(`  ${credentials}; Ctrl-C stops the server\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1); // a second Ctrl-C means "now"
    stopping = true;
    io.out.write(`tsflow dev-server: ${signal}, closing\n`);
    service.close().then(
      () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      },
      (error: unknown) => {
        io.err.write(`tsflow dev-server: close failed: ${String(error)}\n`);
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

function usage(message: string): CliUsageError {
  return new CliUsageError(`tsflow dev-server: ${message}`, 'tsflow dev-server');
}
