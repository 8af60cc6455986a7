import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { FlowFactory, type FlowApp } from 'tsflow';
import { StringTransformerModule } from '../../samples/string-transformer/main';
import { RecordingLogger } from '../helpers/quiet-logger';
import { MAIN_JS, isolatedEnv, runCli, startDevServer, type RunningDevServer } from './support/dev-server-process';

const SAMPLE_LAMBDAS = resolve(__dirname, '../../samples/string-transformer/lambdas.js');
const SAMPLE_MODULE = resolve(__dirname, '../../samples/string-transformer/main.js');
const CHANGED_MODULE = resolve(__dirname, 'fixtures/changed-transformer.js');
const DOMAIN = 'tsflow-samples';

describe('tsflow (the command) against a dev server', function () {
  this.timeout(60_000);
  let server: RunningDevServer;
  let app: FlowApp;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'tsflow-cli-'));
  const tsflow = (...args: string[]) => runCli(args, env);

  before(async () => {
    server = await startDevServer(['dev-server', '--port', '0', '--lambdas', SAMPLE_LAMBDAS]);
    env = { SWF_ENDPOINT: server.url, SWF_DOMAIN: DOMAIN };
    // The sample's workers, as a developer would run them in a second terminal.
    app = await FlowFactory.create(StringTransformerModule, {
      domain: DOMAIN,
      taskList: 'string-transformer',
      swf: { endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } },
      registerDomain: true,
      logger: new RecordingLogger(),
      handleSignals: false,
    });
  });

  after(async () => {
    await app?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
  });

  it('starts an execution, waits for it and prints its result, without colour when not on a terminal', async () => {
    const { code, stdout, stderr } = await tsflow(
      'start',
      'StringTransformer',
      '--input',
      '["Hello"," ","World"]',
      '--id',
      'cli-1',
      '--wait',
    );
    expect(stderr).to.equal('');
    expect(code).to.equal(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).to.match(/^Started StringTransformer 1\.0 as cli-1 \(run \S+\)$/);
    expect(lines[1]).to.equal(`  watch: ${server.url}/executions/${DOMAIN}/cli-1/${encodeURIComponent(/run (\S+)\)/.exec(lines[0])![1])}`);
    expect(lines.at(-1)).to.equal('"OLLEH DLROW"');
    expect(stdout).to.not.contain('\u001b[');
  });

  it('colours status words when asked to (FORCE_COLOR), as on a terminal', async () => {
    const { stdout } = await runCli(['list', '--closed', '--id', 'cli-1'], { ...env, FORCE_COLOR: '1' });
    expect(stdout).to.contain('\u001b[32mCOMPLETED\u001b[39m');
  });

  it('lists closed and open executions, with filters', async () => {
    const closed = await tsflow('list', '--closed');
    expect(closed.code).to.equal(0);
    expect(closed.stdout.split('\n')[0]).to.match(/^WORKFLOW ID\s+RUN ID\s+TYPE\s+STATUS\s+STARTED\s+CLOSED$/);
    expect(closed.stdout).to.match(/cli-1\s+\S+\s+StringTransformer 1\.0\s+COMPLETED/);
    expect(closed.stdout).to.match(/StringConcatter 1\.0\s+COMPLETED/);
    const byType = await tsflow('list', '--type', 'StringConcatter');
    expect(byType.stdout).to.contain('StringConcatter 1.0').and.not.contain('StringTransformer');
    const json = JSON.parse((await tsflow('list', '--id', 'cli-1', '--json')).stdout) as { execution: { workflowId: string } }[];
    expect(json.map((x) => x.execution.workflowId)).to.deep.equal(['cli-1']);
    const failed = await tsflow('list', '--status', 'FAILED');
    expect(failed.stdout.trim()).to.equal('No executions match.');
  });

  it('describes an execution', async () => {
    const { code, stdout } = await tsflow('describe', 'cli-1');
    expect(code).to.equal(0);
    expect(stdout).to.match(/^cli-1 {2}COMPLETED\n/);
    expect(stdout)
      .to.match(/type: +StringTransformer 1\.0/)
      .and.match(/task list: +string-transformer/);
  });

  it('prints the history as a timeline, or as JSON that replays', async () => {
    const timeline = await tsflow('history', 'cli-1', '--hide-decision-tasks');
    expect(timeline.stdout).to.match(/^ {2}\+0\.000s +1 WorkflowExecutionStarted +StringTransformer 1\.0/);
    expect(timeline.stdout).to.contain('TimerFired').and.not.contain('DecisionTaskStarted');
    const json = await tsflow('history', 'cli-1', '--json');
    const file = join(dir, 'cli-1.json');
    writeFileSync(file, json.stdout);
    const replayed = await tsflow('replay', SAMPLE_MODULE, file);
    expect(replayed.code).to.equal(0);
    expect(replayed.stdout).to.contain(`ok    ${file} (StringTransformer 1.0)`).and.contain('1 of 1 histories replay');
  });

  it('exits 1 from replay when the code no longer matches a history, naming the event', async () => {
    const file = join(dir, 'cli-1-again.json');
    writeFileSync(file, (await tsflow('history', 'cli-1', '--json')).stdout);
    const { code, stdout } = await tsflow('replay', CHANGED_MODULE, file);
    expect(code).to.equal(1);
    expect(stdout)
      .to.contain(`FAIL  ${file} (StringTransformer 1.0)`)
      .and.match(/Nondeterminism .* at event \d+/);
    expect(stdout).to.contain('0 of 1 histories replay');
  });

  it('signals, cancels and terminates an open execution', async () => {
    // Nobody polls this task list, so the execution stays open for the commands to act on.
    const input = join(dir, 'input.json');
    writeFileSync(input, '["from a file"]');
    const started = await tsflow('start', 'StringTransformer', '--input', `@${input}`, '--id', 'cli-open', '--task-list', 'nobody');
    expect(started.code).to.equal(0);
    expect((await tsflow('signal', 'cli-open', 'wake-up', '--input', '{"n":1}')).stdout).to.equal('Signalled wake-up to cli-open\n');
    expect((await tsflow('cancel', 'cli-open')).stdout).to.equal('Requested cancellation of cli-open\n');
    const open = await tsflow('list', '--open');
    expect(open.stdout).to.match(/cli-open\s+\S+\s+StringTransformer 1\.0\s+OPEN/);
    expect((await tsflow('terminate', 'cli-open', '--reason', 'spec')).stdout).to.equal('Terminated cli-open\n');
    const history = await tsflow('history', 'cli-open');
    expect(history.stdout).to.match(/WorkflowExecutionStarted +StringTransformer 1\.0 \["from a file"\]/);
    expect(history.stdout).to.contain('WorkflowExecutionSignaled').and.contain('WorkflowExecutionCancelRequested');
    expect(history.stdout).to.contain('WorkflowExecutionTerminated');
    expect((await tsflow('describe', 'cli-open')).stdout).to.match(/^cli-open {2}TERMINATED/);
  });

  it('says in one line what went wrong, with exit 2 for a wrong command line and 1 for a failed operation', async () => {
    const cases: Array<[string[], Record<string, string>, number, string]> = [
      [['start', 'Nope'], env, 2, 'tsflow start: no workflow type Nope is registered in domain tsflow-samples'],
      [
        ['start', 'StringTransformer', '--input', 'Hello'],
        env,
        2,
        'tsflow start: --input must be JSON (or @file holding JSON); "Hello" is not',
      ],
      [
        ['start', 'StringTransformer', '--input', '@/no/such.json'],
        env,
        2,
        'tsflow start: --input @/no/such.json: cannot read /no/such.json',
      ],
      [['list'], { SWF_ENDPOINT: server.url }, 2, 'tsflow list: no domain; give --domain <name> or set SWF_DOMAIN.'],
      [['list', '--status', 'BROKEN'], env, 2, 'tsflow list: --status must be one of COMPLETED'],
      [
        ['list', '--type', 'A', '--id', 'b'],
        env,
        2,
        'tsflow list: SWF filters by one of --type, --status, --id and --tag at a time; got --type and --id.',
      ],
      [['list', '--domain'], env, 2, "tsflow list: option '--domain <name>' argument missing"],
      [['describe', 'no-such-id'], env, 1, 'tsflow describe: No execution with workflow id no-such-id in domain tsflow-samples'],
      [
        ['list', '--endpoint', 'http://127.0.0.1:9'],
        env,
        1,
        'ECONNREFUSED 127.0.0.1:9; check --endpoint (or SWF_ENDPOINT), or start `tsflow dev-server`',
      ],
      [['start', 'StringTransformer', '--task-list', 'nobody', '--wait', '--timeout', '0.5'], env, 1, 'did not close within'],
    ];
    for (const [args, extra, status, message] of cases) {
      const { code, stdout, stderr } = await runCli(args, extra);
      expect({ args, code }).to.deep.equal({ args, code: status });
      expect(stderr).to.contain(message);
      expect(stderr.trim().split('\n'), stderr).to.have.length(1);
      if (status === 2) expect(stdout).to.equal('');
    }
  });

  it('ends quietly when the reader closes the pipe early (tsflow list | head)', async () => {
    const child = spawn(process.execPath, [MAIN_JS, 'list', '--help'], { env: isolatedEnv() });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((done) => child.on('close', done));
    expect({ code, stderr }).to.deep.equal({ code: 0, stderr: '' });
  });

  it('gives every command --help with an example, and the connection options with their environment variables', async () => {
    for (const command of ['start', 'signal', 'cancel', 'terminate', 'list', 'describe', 'history']) {
      const { code, stdout } = await runCli([command, '--help']);
      expect(code, command).to.equal(0);
      expect(stdout, command).to.contain('Example').and.contain(`$ tsflow ${command}`);
      expect(stdout, command).to.contain('(env: SWF_ENDPOINT)').and.contain('(env: SWF_REGION)').and.contain('(env: SWF_DOMAIN)');
    }
    for (const command of ['dev-server', 'replay']) expect((await runCli([command, '--help'])).stdout).to.contain(`$ tsflow ${command}`);
  });
});
