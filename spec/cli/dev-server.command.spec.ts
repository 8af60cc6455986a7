import 'reflect-metadata';
import {
  ListDomainsCommand,
  RegisterDomainCommand,
  RegisterWorkflowTypeCommand,
  RespondDecisionTaskCompletedCommand,
  StartWorkflowExecutionCommand,
  SWFClient,
} from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { checkDevServerArgs } from '../../lib/cli/dev-server.command';
import { CliUsageError } from '../../lib/cli/cli-usage.error';
import { has, historyWhen, pollDecision } from '../local/support/swf-session-helpers';
import { startFakeLambdaEndpoint } from '../local/support/fake-lambda-endpoint';
import { isolatedEnv, runCli, startDevServer, type RunningDevServer } from './support/dev-server-process';

const LAMBDAS = resolve(__dirname, 'fixtures/dev-lambdas.js');

function clientFor(url: string): SWFClient {
  return new SWFClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'any', secretAccessKey: 'thing' },
    maxAttempts: 1,
  });
}

function getText(url: string): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    request(url, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, text }));
    })
      .on('error', fail)
      .end();
  });
}

/** Registers what it needs, starts one execution and schedules one Lambda function; returns its result. */
async function runOneLambda(swf: SWFClient, name: string, input: string): Promise<string | undefined> {
  const D = 'cli';
  await swf.send(new RegisterDomainCommand({ name: D, workflowExecutionRetentionPeriodInDays: '1' }));
  const listed = await swf.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' }));
  expect(listed.domainInfos?.map((d) => d.name)).to.deep.equal([D]);
  await swf.send(
    new RegisterWorkflowTypeCommand({
      domain: D,
      name: 'W',
      version: '1',
      defaultTaskList: { name: 'deciders' },
      defaultExecutionStartToCloseTimeout: '600',
      defaultTaskStartToCloseTimeout: '30',
      defaultChildPolicy: 'TERMINATE',
      defaultLambdaRole: 'arn:aws:iam::123456789012:role/lambda',
    }),
  );
  const { runId } = await swf.send(
    new StartWorkflowExecutionCommand({ domain: D, workflowId: 'w', workflowType: { name: 'W', version: '1' } }),
  );
  const task = await pollDecision(swf, D, 'deciders');
  await swf.send(
    new RespondDecisionTaskCompletedCommand({
      taskToken: task.taskToken,
      decisions: [{ decisionType: 'ScheduleLambdaFunction', scheduleLambdaFunctionDecisionAttributes: { id: 'l', name, input } }],
    }),
  );
  const events = await historyWhen(swf, D, { workflowId: 'w', runId }, has('LambdaFunctionCompleted'), 'the Lambda result');
  return events.find((e) => e.eventType === 'LambdaFunctionCompleted')?.lambdaFunctionCompletedEventAttributes?.result;
}

describe('tsflow dev-server', () => {
  describe('as a process', () => {
    let server: RunningDevServer;
    let swf: SWFClient;

    before(async () => {
      server = await startDevServer(['dev-server', '--port', '0', '--lambdas', LAMBDAS]);
      swf = clientFor(server.url);
    });
    after(() => {
      swf.destroy();
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    });

    it('prints the loopback URL it listens on and the Lambda functions it loaded', () => {
      expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.output()).to.contain('lambdas: string_upcase\n');
    });

    it('answers the SDK, and runs the loaded module as Lambda functions', async () => {
      const result = await runOneLambda(swf, 'string_upcase', '"cli"');
      expect(result).to.equal('"CLI"');

      const page = await getText(`${server.url}/`);
      expect(page.status).to.equal(200);
      expect(page.text).to.contain('<h2>cli');
    });

    it('closes cleanly on SIGTERM', async () => {
      server.child.kill('SIGTERM');
      expect(await server.exited).to.equal(0);
      expect(server.output()).to.contain('SIGTERM, closing');
    });
  });

  it('runs Lambda tasks through the Invoke API with --lambda-endpoint, with dummy credentials on loopback when none are set', async () => {
    const endpoint = await startFakeLambdaEndpoint({ string_upcase: (s) => String(s).toUpperCase() });
    const noCredentials = isolatedEnv();
    delete noCredentials.AWS_ACCESS_KEY_ID;
    delete noCredentials.AWS_SECRET_ACCESS_KEY;
    const server = await startDevServer(['dev-server', '--port', '0', '--lambda-endpoint', endpoint.url], noCredentials);
    const swf = clientFor(server.url);
    try {
      expect(server.output()).to.contain(`lambdas: Lambda Invoke API at ${endpoint.url} (dummy credentials)`);
      const result = await runOneLambda(swf, 'string_upcase', '"remote"');
      expect(result).to.equal('"REMOTE"');
      expect(endpoint.invocations).to.deep.equal([{ functionName: 'string_upcase', payload: '"remote"' }]);
    } finally {
      swf.destroy();
      server.child.kill('SIGTERM');
      await server.exited;
      await endpoint.close();
    }
  });

  it('explains in --help that any credentials work and how to point the AWS CLI and SDK at it', async () => {
    const { code, stdout } = await runCli(['dev-server', '--help']);
    expect(code).to.equal(0);
    expect(stdout).to.contain('accepts ANY credentials');
    expect(stdout).to.contain('--endpoint-url http://127.0.0.1:8080');
    expect(stdout).to.contain("new SWFClient({ endpoint: 'http://127.0.0.1:8080'");
  });

  it('prints the command list for no command, and exits 2 naming an unknown one', async () => {
    expect((await runCli([])).stdout).to.contain('dev-server');
    const unknown = await runCli(['serve']);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr.trim()).to.equal("tsflow: unknown command 'serve' (see tsflow --help)");
  });

  it('exits 2 with the reason and the usage for bad options and bad Lambda modules', async () => {
    const badOption = await runCli(['dev-server', '--prot', '8080']);
    expect(badOption.code).to.equal(2);
    expect(badOption.stderr).to.contain("tsflow dev-server: unknown option '--prot'").and.contain('(see tsflow dev-server --help)');
    expect(badOption.stderr.trim().split('\n')).to.have.length(1);
    const missing = await runCli(['dev-server', '--port', '0', '--lambdas', './no/such/module.js']);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.match(/--lambdas \.\/no\/such\/module\.js: cannot load \/\S+\/no\/such\/module\.js/);
    const empty = await runCli(['dev-server', '--port', '0', '--lambdas', resolve(__dirname, 'fixtures/no-functions.js')]);
    expect(empty.code).to.equal(2);
    expect(empty.stderr).to.contain('exports no functions');
  });

  it('warns on --host 0.0.0.0 that anyone who can reach the port can read and change everything', async () => {
    const server = await startDevServer(['dev-server', '--port', '0', '--host', '0.0.0.0']);
    // The warning goes to stderr, which may arrive after the banner on stdout.
    for (let i = 0; i < 200 && !server.output().includes('warning:'); i++) await delay(10);
    server.child.kill('SIGKILL');
    expect(server.output()).to.contain(
      'warning: listening on 0.0.0.0:' +
        server.url.split(':').pop() +
        ', not on loopback: anyone who can reach this port can read and change every',
    );
  });

  it('checks SigV4 signatures with --access-key ID:SECRET, answering other credentials with access denied', async () => {
    const server = await startDevServer(['dev-server', '--port', '0', '--access-key', 'TEAMKEY:team-secret']);
    const signed = (accessKeyId: string, secretAccessKey: string) =>
      new SWFClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
    try {
      expect(server.output()).to.contain('requests must be signed with access key TEAMKEY');
      const good = signed('TEAMKEY', 'team-secret');
      expect((await good.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' }))).domainInfos).to.deep.equal([]);
      good.destroy();
      const bad = signed('any', 'thing');
      const error = await bad.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' })).catch((e: unknown) => e as Error);
      bad.destroy();
      expect((error as Error).name).to.equal('AccessDeniedException');
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  describe('checkDevServerArgs', () => {
    const defaults = { port: '8080', host: '127.0.0.1' };
    it('defaults to 127.0.0.1:8080 with no Lambda functions', () => {
      expect(checkDevServerArgs(defaults)).to.deep.equal({
        port: 8080,
        host: '127.0.0.1',
        lambdas: undefined,
        lambdaEndpoint: undefined,
        accessKey: undefined,
      });
    });

    it('reads --access-key ID:SECRET, the secret may hold colons', () => {
      expect(checkDevServerArgs({ ...defaults, accessKey: 'AKID:s:e:c' }).accessKey).to.deep.equal({ id: 'AKID', secret: 's:e:c' });
    });

    it('reads --host and --lambda-endpoint', () => {
      const args = checkDevServerArgs({ host: '0.0.0.0', port: '9000', lambdaEndpoint: 'http://127.0.0.1:9001' });
      expect(args).to.include({ host: '0.0.0.0', port: 9000, lambdaEndpoint: 'http://127.0.0.1:9001' });
    });

    it('reads --db and --zero-retention', () => {
      expect(checkDevServerArgs({ ...defaults, db: './swf.db', zeroRetention: 'keep' })).to.include({
        db: './swf.db',
        zeroRetention: 'keep',
      });
    });

    for (const [options, message] of [
      [{ port: 'http' }, '--port must be a whole number from 0 to 65535, got "http"'],
      [{ port: '70000' }, 'got "70000"'],
      [{ lambdas: 'a.js', lambdaEndpoint: 'http://x' }, 'either --lambdas or --lambda-endpoint, not both'],
      [{ lambdaEndpoint: 'localhost 9001' }, '--lambda-endpoint must be a URL'],
      [{ lambdaEndpoint: 'localhost:9001' }, 'must be a URL such as http://127.0.0.1:9001, got "localhost:9001"'],
      [{ db: '' }, '--db needs a file name'],
      [{ zeroRetention: 'forever' }, '--zero-retention must be delete or keep, got "forever"'],
      [{ accessKey: 'no-colon' }, '--access-key must be ID:SECRET (an access key id and its secret), got "no-colon"'],
      [{ accessKey: ':secret' }, '--access-key must be ID:SECRET'],
    ] as const) {
      it(`refuses ${JSON.stringify(options)}`, () => {
        expect(() => checkDevServerArgs({ ...defaults, ...options })).to.throw(CliUsageError, message);
      });
    }

    it('refuses an extra argument on the command line', async () => {
      const { code, stderr } = await runCli(['dev-server', 'extra']);
      expect(code).to.equal(2);
      expect(stderr).to.contain("tsflow dev-server: too many arguments for 'dev-server'");
    });
  });
});
