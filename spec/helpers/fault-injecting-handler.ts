import { setTimeout as delay } from 'node:timers/promises';
import { HttpResponse, type HttpHandler, type HttpHandlerOptions, type HttpRequest } from '@smithy/core/protocols';
import { Readable } from 'node:stream';
import { seededRandom } from './seeded-random';

export type FaultKind = 'throttling' | 'server-error' | 'dropped-before' | 'dropped-after' | 'delayed';
const KINDS: readonly FaultKind[] = ['throttling', 'server-error', 'dropped-before', 'dropped-after', 'delayed'];

export interface FaultOptions {
  seed: number;
  /** The share of requests that get a fault (0 to 1). */
  rate: number;
  /** The longest delay of a `delayed` answer. */
  maxDelayMs?: number;
}

/**
 * An SDK request handler between a client and the real service that, at a
 * seeded random rate, answers with throttling or a 5xx, drops the connection
 * before or after the service acted, or answers late. Long polls are never
 * dropped after the service acted: a task handed out and lost only waits for
 * its timeout, which the suite has no time for (the kill specs cover it).
 */
export class FaultInjectingHandler implements HttpHandler {
  readonly metadata = { handlerProtocol: 'tsflow/faults' };
  readonly injected: Record<FaultKind, number> = { throttling: 0, 'server-error': 0, 'dropped-before': 0, 'dropped-after': 0, delayed: 0 };
  requests = 0;
  /** The share of requests that get a fault now; a spec may raise it once bootstrap is done. */
  rate: number;
  private readonly random: () => number;

  constructor(
    private readonly inner: HttpHandler,
    private readonly options: FaultOptions,
  ) {
    this.random = seededRandom(options.seed);
    this.rate = options.rate;
  }

  get totalInjected(): number {
    return Object.values(this.injected).reduce((a, b) => a + b, 0);
  }

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    this.requests += 1;
    const action =
      String(request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'] ?? '')
        .split('.')
        .pop() ?? '';
    if (this.random() >= this.rate) return this.inner.handle(request, options);
    let kind = KINDS[Math.floor(this.random() * KINDS.length)];
    if (kind === 'dropped-after' && action.startsWith('PollFor')) kind = 'dropped-before';
    this.injected[kind] += 1;
    switch (kind) {
      case 'throttling':
        return fault(400, 'ThrottlingException', 'Rate exceeded (injected)');
      case 'server-error':
        return fault(this.random() < 0.5 ? 500 : 503, this.random() < 0.5 ? 'InternalFailure' : 'ServiceUnavailableException', 'injected');
      case 'dropped-before':
        throw connectionReset();
      case 'dropped-after':
        await this.inner.handle(request, options);
        throw connectionReset();
      case 'delayed':
        await delay(Math.floor(this.random() * (this.options.maxDelayMs ?? 200)));
        return this.inner.handle(request, options);
    }
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

function fault(statusCode: number, type: string, message: string): { response: HttpResponse } {
  const body = JSON.stringify({ __type: `com.amazon.coral.service#${type}`, message });
  return {
    response: new HttpResponse({
      statusCode,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(Buffer.byteLength(body)) },
      body: Readable.from([Buffer.from(body)]),
    }),
  };
}

function connectionReset(): Error {
  return Object.assign(new Error('socket hang up (injected)'), { code: 'ECONNRESET', name: 'Error' });
}
