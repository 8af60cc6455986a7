import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { StartWorkflowExecutionCommand } from '@aws-sdk/client-swf';
import { InProcessLambdaInvoker, LocalSwfService } from '../lib/local';
import { registerDomain } from '../lib/workers/register-types';
import { httpClient } from '../spec/helpers/local-transports';
import { benchStep } from './bench-workflows';
import { runInChild } from './end-to-end.bench';

/**
 * Group 5, end to end: pyflow's decider polling the embedded service over loopback HTTP for `steps`
 * sequential Lambdas, beside tsflow's decider on the same workload (group 3's `sequential-lambdas`, HTTP).
 */
export interface PeerEndToEndRow {
  steps: number;
  pyflow: { wallMs: number; decisions: number; decisionsPerSecond: number };
  tsflow: { wallMs: number; decisions: number; decisionsPerSecond: number };
  /** tsflow's decisions/s ÷ pyflow's. */
  ratio: number;
}

const DOMAIN = 'bench';
const TASK_LIST = 'pyflow-decisions';

async function pyflowRun(pyflow: { home: string; python: string }, steps: number): Promise<PeerEndToEndRow['pyflow']> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // as runInChild does for group 3
  const service = new LocalSwfService({ lambdaInvoker: new InProcessLambdaInvoker().register('bench_step', benchStep) });
  const server = await service.listen({ port: 0 });
  const swf = httpClient(server.url);
  const driver = join(__dirname, '..', '..', 'bench', 'peers', 'pyflow-decider.py');
  const child = spawn(pyflow.python, [driver, server.url, DOMAIN, TASK_LIST], {
    env: { ...process.env, PYTHONPATH: pyflow.home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`pyflow's decider stopped (exit ${await exited}): ${stderr.trim().split('\n').at(-1)}`);
    return line.value;
  };
  try {
    await registerDomain(swf, DOMAIN);
    if ((await next()) !== 'ready') throw new Error('pyflow-decider.py did not print ready');
    const started = process.hrtime.bigint();
    await swf.send(
      new StartWorkflowExecutionCommand({
        domain: DOMAIN,
        workflowId: 'pyflow-bench',
        workflowType: { name: 'SequentialLambdas', version: '1' },
        taskList: { name: TASK_LIST },
        input: JSON.stringify(steps),
        lambdaRole: 'arn:aws:iam::000000000000:role/bench',
      }),
    );
    const done = JSON.parse(await next()) as { decisionTasks: number; closedWith: string; decisions: unknown[] };
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const result = JSON.stringify(done.decisions);
    if (done.closedWith !== 'CompleteWorkflowExecution' || !result.includes(`"result":"${steps}"`)) {
      throw new Error(`pyflow's SequentialLambdas(${steps}) closed with ${result}`);
    }
    return { wallMs, decisions: done.decisionTasks, decisionsPerSecond: done.decisionTasks / (wallMs / 1000) };
  } finally {
    child.kill();
    await exited;
    swf.destroy();
    await service.close();
  }
}

/** pyflow's and tsflow's deciders on `steps` sequential Lambdas over loopback HTTP. */
export async function peerEndToEnd(pyflow: { home: string; python: string }, steps: number): Promise<PeerEndToEndRow> {
  const theirs = await pyflowRun(pyflow, steps);
  const ours = runInChild({ scenario: 'sequential-lambdas', transport: 'HTTP', workflows: 1, steps });
  const tsflow = { wallMs: ours.wallMs, decisions: ours.decisions, decisionsPerSecond: ours.decisionsPerSecond };
  return { steps, pyflow: theirs, tsflow, ratio: tsflow.decisionsPerSecond / theirs.decisionsPerSecond };
}
