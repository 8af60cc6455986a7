import {
  GetWorkflowExecutionHistoryCommand,
  type HistoryEvent,
  ListClosedWorkflowExecutionsCommand,
  ListOpenWorkflowExecutionsCommand,
  StartWorkflowExecutionCommand,
  SWFClient,
  type WorkflowExecutionInfo,
} from '@aws-sdk/client-swf';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import 'reflect-metadata';
import { FlowFactory, type FlowApp, type Logger } from '../../index';
import { DurableModule } from './fixtures/durable-workflows';
import { startDevServer, type RunningDevServer } from './support/dev-server-process';

const DOMAIN = 'durable';
const RUNS = 100;
const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** A client as a worker would use one: the SDK retries what the network drops (the server is being killed). */
function client(url: string): SWFClient {
  return new SWFClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    requestHandler: new NodeHttpHandler({ requestTimeout: 70_000, connectionTimeout: 1000 }),
    maxAttempts: 4,
  });
}

/** Retries a call until the server is back; a kill may land at any moment. */
async function untilUp<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
      const network = e.code !== undefined || e.name === 'TimeoutError' || (e.$metadata?.httpStatusCode ?? 0) >= 500;
      if (!network || attempt > 200) throw error;
      await delay(100);
    }
  }
}

async function listAll(swf: SWFClient, closed: boolean): Promise<WorkflowExecutionInfo[]> {
  const infos: WorkflowExecutionInfo[] = [];
  let nextPageToken: string | undefined;
  do {
    const input = { domain: DOMAIN, startTimeFilter: { oldestDate: new Date(0) }, nextPageToken };
    const page = closed
      ? await untilUp(() => swf.send(new ListClosedWorkflowExecutionsCommand(input)))
      : await untilUp(() => swf.send(new ListOpenWorkflowExecutionsCommand(input)));
    infos.push(...(page.executionInfos ?? []));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return infos;
}

async function history(swf: SWFClient, workflowId: string, runId: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await untilUp(() =>
      swf.send(new GetWorkflowExecutionHistoryCommand({ domain: DOMAIN, execution: { workflowId, runId }, nextPageToken })),
    );
    events.push(...(page.events ?? []));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return events;
}

describe('tsflow dev-server --db, killed with SIGKILL at random moments', function () {
  this.timeout(120_000);
  let dir: string;
  let server: RunningDevServer | undefined;
  let app: FlowApp | undefined;

  before(() => (dir = mkdtempSync(join(tmpdir(), 'tsflow-kill-'))));
  after(async () => {
    await app?.close();
    server?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes every one of 100 executions, driven by real workers, exactly once with the right result', async () => {
    const db = join(dir, 'swf.db');
    server = await startDevServer(['dev-server', '--port', '0', '--db', db]);
    expect(server.output()).to.contain(`state: ${db} (kept across restarts)`);
    const url = server.url;
    const port = new URL(url).port;
    app = await FlowFactory.create(DurableModule, {
      domain: DOMAIN,
      taskList: 'durable-decider',
      swfClient: client(url),
      registerDomain: true,
      activityConcurrency: 20,
      deciderConcurrency: 4,
      handleSignals: false,
      logger: silent,
    });
    const swf = client(url);

    // The killer: SIGKILL at a random moment, start again at once on the same file and port.
    let kills = 0;
    let done = false;
    const killer = (async () => {
      while (!done) {
        await delay(100 + Math.random() * 500);
        if (done) break;
        server!.child.kill('SIGKILL');
        await server!.exited;
        kills++;
        server = await startDevServer(['dev-server', '--port', port, '--db', db]);
      }
    })();

    try {
      // Starts race the kills: a start whose answer was lost is found started (AlreadyStarted) on retry.
      for (let n = 1; n <= RUNS; n++) {
        const start = new StartWorkflowExecutionCommand({
          domain: DOMAIN,
          workflowId: `run-${n}`,
          workflowType: { name: 'DurableRun', version: '1' },
          taskList: { name: 'durable-decider' },
          input: JSON.stringify(n),
        });
        await untilUp(() => swf.send(start)).catch((error: Error) => {
          if (error.name !== 'WorkflowExecutionAlreadyStartedFault') throw error;
        });
      }
      const deadline = Date.now() + 90_000;
      // On a fast machine the runs may all close before the fourth kill: the later kills then check a restart of the finished state.
      while ((await listAll(swf, true)).length < RUNS || kills < 4) {
        expect(Date.now(), 'all runs should close within 90 s').to.be.below(deadline);
        await delay(250);
      }
    } finally {
      done = true;
      await killer;
    }

    const closed = await listAll(swf, true);
    expect(await listAll(swf, false)).to.deep.equal([]);
    expect(closed.map((info) => info.execution!.workflowId).sort()).to.deep.equal(
      Array.from({ length: RUNS }, (_, i) => `run-${i + 1}`).sort(),
      'exactly one run per workflow id',
    );
    for (const info of closed) {
      const { workflowId, runId } = info.execution!;
      expect(info.closeStatus, workflowId).to.equal('COMPLETED');
      const events = await history(swf, workflowId!, runId!);
      expect(
        events.map((e) => e.eventId),
        `${workflowId}: event ids contiguous`,
      ).to.deep.equal(events.map((_, i) => i + 1));
      const n = Number(workflowId!.slice('run-'.length));
      const result = events.at(-1)!.workflowExecutionCompletedEventAttributes?.result;
      expect(result, workflowId).to.equal(JSON.stringify(`${n}:${n * n}:${(n + 1) * (n + 1)}`));
    }
    swf.destroy();
  });
});
