import { Readable } from 'node:stream';
import { HttpResponse, type HttpHandler, type HttpHandlerOptions, type HttpRequest } from '@smithy/core/protocols';
import { answerSwfJsonRequest, type SwfDispatcher } from './swf-json-protocol';

type LegacyAbortSignal = NonNullable<HttpHandlerOptions['abortSignal']>;

/**
 * An SDK request handler that answers from the local service in memory. The
 * SDK still serialises, signs and deserialises every call, so a worker cannot
 * tell this from HTTP; only the socket is missing.
 */
export class InMemoryRequestHandler implements HttpHandler {
  readonly metadata = { handlerProtocol: 'tsflow/in-memory' };

  constructor(private readonly dispatcher: SwfDispatcher) {}

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const link = linkAbortSignal(options.abortSignal);
    try {
      const answer = await answerSwfJsonRequest(this.dispatcher, {
        method: request.method,
        path: request.path,
        headers: lowerCaseKeys(request.headers),
        body: await readBody(request.body),
        signal: link.signal,
      });
      const response = new HttpResponse({
        statusCode: answer.statusCode,
        headers: answer.headers,
        body: Readable.from([Buffer.from(answer.body, 'utf8')]),
      });
      return { response };
    } finally {
      link.release();
    }
  }

  updateHttpClientConfig(): void {
    // Nothing to configure: there are no sockets, agents or timeouts here.
  }

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) lowered[key.toLowerCase()] = value;
  return lowered;
}

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return body;
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return Buffer.concat(chunks);
  }
  throw new TypeError(`InMemoryRequestHandler cannot read a request body of type ${typeof body}.`);
}

/**
 * The SDK may hand over its own older AbortSignal shape (only `onabort`), so
 * bridge it to a standard signal and undo the bridge when the call ends.
 */
function linkAbortSignal(source: LegacyAbortSignal | undefined): { signal?: AbortSignal; release(): void } {
  if (source === undefined) return { release: () => undefined };
  if (source instanceof AbortSignal) return { signal: source, release: () => undefined };
  const controller = new AbortController();
  if (source.aborted) controller.abort();
  const previous = source.onabort;
  source.onabort = function (this: LegacyAbortSignal, ...args: unknown[]) {
    controller.abort();
    if (typeof previous === 'function') (previous as (...a: unknown[]) => void).apply(this, args);
  } as typeof source.onabort;
  return { signal: controller.signal, release: () => void (source.onabort = previous) };
}
