import 'reflect-metadata';
import { Readable } from 'node:stream';
import { SWFClient, type DecisionTask } from '@aws-sdk/client-swf';
import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/core/protocols';
import { withoutNodeVersionNotice } from '../lib/local/sdk-node-notice';
import { DecisionHistory } from '../lib/workers/decision-history';
import { sequentialHistory } from '../spec/helpers';
import { time, type Timing } from './bench-timing';

/**
 * What a decider pays to read a whole history (a cache miss, a restart,
 * `deciderCacheSize: 0`): every page of `GetWorkflowExecutionHistory`, through
 * the real `SWFClient` and `DecisionHistory`, with the JSON page reader and with
 * the SDK's own. The pages come from a request handler that returns prepared
 * bodies, so the figures are the client's and the reader's alone: no service,
 * no socket. `JSON.parse` of the same bodies is the floor.
 */
export interface HistoryReadRow {
  events: number;
  pages: number;
  kb: number;
  parse: Timing;
  json: Timing;
  sdk: Timing;
}

const PAGE_SIZE = 1000;

/** Answers GetWorkflowExecutionHistory from prepared page bodies; the page token is the page's index. */
class PreparedPages implements HttpHandler {
  readonly metadata = { handlerProtocol: 'tsflow/bench-pages' };

  constructor(private readonly bodies: readonly Buffer[]) {}

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const bytes = request.body as Uint8Array; // the SDK's own Uint8Array, whose valueOf() warns: read its bytes
    const input = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as { nextPageToken?: string };
    const body = this.bodies[Number(input.nextPageToken ?? 0)];
    return {
      response: new HttpResponse({
        statusCode: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(body.length) },
        body: Readable.from([body]),
      }),
    };
  }

  updateHttpClientConfig(): void {
    // Nothing to configure: no sockets here.
  }

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

function pageBodies(events: readonly object[]): Buffer[] {
  const bodies: Buffer[] = [];
  for (let start = 0; start < events.length; start += PAGE_SIZE) {
    const end = start + PAGE_SIZE;
    const page = { events: events.slice(start, end), ...(end < events.length ? { nextPageToken: String(bodies.length + 1) } : {}) };
    bodies.push(
      Buffer.from(JSON.stringify(page, (key, value: unknown) => (key === 'eventTimestamp' ? Date.parse(value as string) / 1000 : value))),
    );
  }
  return bodies;
}

export const HISTORY_READ_SIZES = [1_000, 10_000, 25_000];

export async function historyReadRow(targetEvents: number): Promise<HistoryReadRow> {
  const task = sequentialHistory(Math.floor((targetEvents - 3) / 6), 1).task() as DecisionTask & { events: object[] };
  const bodies = pageBodies(task.events);
  const reader = (historyPages: 'json' | 'sdk') =>
    new DecisionHistory(
      withoutNodeVersionNotice(
        () =>
          new SWFClient({
            region: 'us-east-1',
            endpoint: 'http://127.0.0.1:1',
            credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
            requestHandler: new PreparedPages(bodies),
          }),
      ),
      { domain: 'bench', taskList: 'bench', identity: 'bench', historyPages },
    );
  const json = reader('json');
  const sdk = reader('sdk');
  const polled = { ...task, events: [], nextPageToken: undefined } as DecisionTask;
  const read = async (history: DecisionHistory) => {
    const whole = await history.whole(polled);
    if (whole.events?.length !== task.events.length) throw new Error(`read ${whole.events?.length} events of ${task.events.length}`);
  };
  for (let i = 0; i < 3; i++) {
    await read(json);
    await read(sdk);
  }
  const runs = targetEvents >= 10_000 ? 9 : 31;
  return {
    events: task.events.length,
    pages: bodies.length,
    kb: Math.round(bodies.reduce((sum, b) => sum + b.length, 0) / 1024),
    parse: await time(runs, () => bodies.map((b) => JSON.parse(b.toString('utf8')) as unknown)),
    json: await time(runs, () => read(json)),
    sdk: await time(runs, () => read(sdk)),
  };
}
