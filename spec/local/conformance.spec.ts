import { SWFClient } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessLambdaInvoker } from '../../lib/local/lambda/in-process-lambda-invoker';
import { LocalSwfService } from '../../lib/local/local-swf-service';
import { ManualClock } from '../../lib/local/manual-clock';
import type { ListeningServer } from '../../lib/local/transport/swf-http-server';
import { ALL_COMMANDS, ALL_DECISION_TYPES, conformanceSession, type SessionTarget } from './support/conformance-session';
import { recordCommands } from './support/swf-session-helpers';
import { jsonHistoryPages } from '../../lib/workers/json-history-pages';

const transports: { name: string; connect(service: LocalSwfService): Promise<{ swf: SWFClient; server?: ListeningServer }> }[] = [
  { name: 'in-process (service.client())', connect: async (service) => ({ swf: service.client() }) },
  {
    // The decider reads history pages with JSON.parse (lib/workers/json-history-pages.ts); the session must not notice.
    name: "in-process, history pages read with the decider's JSON reader",
    connect: async (service) => {
      const swf = service.client();
      swf.middlewareStack.use(jsonHistoryPages());
      return { swf };
    },
  },
  {
    name: 'over HTTP (service.listen() + SWFClient endpoint)',
    connect: async (service) => {
      const server = await service.listen({ port: 0 });
      const swf = new SWFClient({
        endpoint: server.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'conformance', secretAccessKey: 'conformance' },
        maxAttempts: 1,
      });
      return { swf, server };
    },
  },
];

for (const transport of transports) {
  describe(`SWF conformance session, ${transport.name}`, () => {
    const commands = new Set<string>();
    let service: LocalSwfService;
    let target: SessionTarget;

    before(async () => {
      const clock = new ManualClock();
      const lambdaInvoker = new InProcessLambdaInvoker().register('upcase', (s) => String(s).toUpperCase());
      service = new LocalSwfService({ clock, lambdaInvoker, longPollTimeoutMs: 2000 });
      const { swf } = await transport.connect(service);
      recordCommands(swf, commands);
      target = { swf, clock, decisions: new Set() };
    });
    after(async () => {
      target.swf.destroy();
      await service.close();
    });

    conformanceSession(() => target);

    it('sent every SWF action and every decision type', () => {
      expect([...commands].sort()).to.deep.equal(ALL_COMMANDS);
      expect([...target.decisions].sort()).to.deep.equal([...ALL_DECISION_TYPES].sort());
    });
  });
}

/**
 * The same session on a durable service (`db`), over HTTP: after every step
 * the service is closed and a new one started on the same file, clock and
 * port, so each step runs against state read back from SQLite.
 */
describe('SWF conformance session, durable (db, restarted after every step)', () => {
  const commands = new Set<string>();
  const clock = new ManualClock();
  const lambdaInvoker = new InProcessLambdaInvoker().register('upcase', (s) => String(s).toUpperCase());
  let dir: string;
  let service: LocalSwfService;
  let port = 0;
  let target: SessionTarget;

  const open = async () => {
    service = new LocalSwfService({ clock, lambdaInvoker, longPollTimeoutMs: 2000, db: join(dir, 'conformance.db') });
    port = Number(new URL((await service.listen({ port })).url).port);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsflow-conformance-'));
    await open();
    const swf = new SWFClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'conformance', secretAccessKey: 'conformance' },
      maxAttempts: 1,
    });
    recordCommands(swf, commands);
    target = { swf, clock, decisions: new Set() };
  });
  afterEach(async () => {
    await service.close();
    await open();
  });
  after(async () => {
    target.swf.destroy();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  conformanceSession(() => target);

  it('sent every SWF action and every decision type', () => {
    expect([...commands].sort()).to.deep.equal(ALL_COMMANDS);
    expect([...target.decisions].sort()).to.deep.equal([...ALL_DECISION_TYPES].sort());
  });
});
