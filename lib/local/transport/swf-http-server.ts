import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  answerSwfJsonRequest,
  faultResponse,
  MAX_REQUEST_BYTES,
  RequestAbortedError,
  tooLarge,
  type SwfDispatcher,
  type SwfJsonResponse,
} from './swf-json-protocol';
import { hostFault, isLoopbackHost } from './host-check';
import { signatureFault, type AccessKey } from './sigv4-check';

export interface ListenOptions {
  /** 0 (the default) picks a free port; read it back from the result. */
  port?: number;
  /** Defaults to 127.0.0.1, so nothing outside this machine can reach the service. */
  host?: string;
  /** Serve only requests signed (AWS SigV4) with this key, for a dev server others can reach; the dashboard is then closed too. */
  accessKey?: AccessKey;
}

/** A running HTTP endpoint of the local service. */
export interface ListeningServer {
  /** Base URL for `endpoint` / `--endpoint-url`, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  host: string;
  /** Stops accepting, cuts pending long polls, resolves when the socket is closed. */
  close(): Promise<void>;
}

/** A request the dashboard may answer: a page or script (GET/HEAD), or a form post (POST, the body as sent). */
export interface PageRequest {
  method: 'GET' | 'HEAD' | 'POST';
  path: string;
  headers: Record<string, string | undefined>;
  body?: string;
}

/** An HTML page, the dashboard's script, or a redirect after a form post. */
export interface PageResponse {
  statusCode: number;
  html?: string;
  script?: string;
  location?: string;
}

/** Serves the dashboard; answers undefined for requests it does not own (SWF's protocol gets them). */
export type PageHandler = (request: PageRequest) => Promise<PageResponse | undefined>;

/** Browsers may post dashboard forms, never SWF requests (those need an X-Amz-Target header a form cannot set). */
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Binds SWF's JSON 1.0 protocol to node:http. Without `accessKey` signatures
 * are not checked: any credentials work, which is what a local development
 * endpoint wants. On loopback it answers only its own host names (DNS rebinding).
 */
export async function startSwfHttpServer(
  dispatcher: SwfDispatcher,
  pages: PageHandler,
  options: ListenOptions = {},
): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1';
  const inFlight = new Set<ServerResponse>();
  const guard: Guard = { loopback: isLoopbackHost(host), port: 0, accessKey: options.accessKey };
  const server = createServer((req, res) => {
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    // Once closing, answer what is pending but let no connection be reused.
    if (!server.listening) res.setHeader('connection', 'close');
    serve(dispatcher, pages, guard, req, res).catch((error: unknown) => {
      // serve() answers every failure itself; reaching here means the socket broke mid-answer.
      if (!res.headersSent) write(res, internalFailure(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return { url: `http://${urlHost}:${port}`, port, host, close: () => (closing ??= closeServer(server, inFlight)) };
}

/** Who may be served: checked before a page or an action runs. */
interface Guard {
  loopback: boolean;
  port: number;
  accessKey?: AccessKey;
}

async function serve(
  dispatcher: SwfDispatcher,
  pages: PageHandler,
  guard: Guard,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = req.url ?? '/';
  const headers = headerRecord(req);
  const wrongHost = guard.loopback ? hostFault(req.headers.host, guard.port) : undefined;
  if (wrongHost) return write(res, faultResponse(wrongHost));
  // With an access key the dashboard is closed: a browser cannot sign its requests.
  if ((req.method === 'GET' || req.method === 'HEAD') && !guard.accessKey) {
    const page = await pages({ method: req.method, path, headers });
    if (page !== undefined) return writePage(res, req.method, page);
  }
  const body = await readLimitedBody(req);
  if (body === undefined) {
    res.setHeader('connection', 'close');
    return write(res, faultResponse(tooLarge(targetAction(req), Number(req.headers['content-length'] ?? NaN))));
  }
  if (guard.accessKey) {
    const unsigned = await signatureFault(guard.accessKey, { method: req.method ?? 'GET', path, headers, body });
    if (unsigned) return write(res, faultResponse(unsigned));
  } else if (req.method === 'POST' && req.headers['content-type']?.split(';')[0].trim() === FORM_TYPE) {
    const page = await pages({ method: 'POST', path, headers, body: Buffer.from(body).toString('utf8') });
    if (page !== undefined) return writePage(res, 'POST', page);
  }
  try {
    const answer = await answerSwfJsonRequest(dispatcher, {
      method: req.method ?? 'GET',
      path,
      headers,
      body,
      signal: longPoll(req) ? abortOnHangUp(res) : undefined,
    });
    write(res, answer);
  } catch (error) {
    if (error instanceof RequestAbortedError) return; // the caller hung up; nobody to answer
    write(res, internalFailure(error));
  }
}

/** Resolves undefined (after draining) when the body exceeds SWF's 1 MB limit. */
function readLimitedBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let overLimit = declared > MAX_REQUEST_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) overLimit = true;
      // Drain (not store) an oversized body so the client reads our 413 instead of a reset,
      // but give up on anything absurd.
      if (size > 64 * MAX_REQUEST_BYTES) req.destroy();
      else if (!overLimit) chunks.push(chunk);
    });
    req.on('end', () => resolve(overLimit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A long poll waits up to 60 s for a task: when its caller hangs up, it must stop waiting (and not take a task). */
function longPoll(req: IncomingMessage): boolean {
  return targetAction(req)?.startsWith('PollFor') === true;
}

/** Aborts when the response closes before it was written: the caller hung up. Other calls answer at once, and need none. */
function abortOnHangUp(res: ServerResponse): AbortSignal {
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  return aborted.signal;
}

function targetAction(req: IncomingMessage): string | undefined {
  const target = req.headers['x-amz-target'];
  return typeof target === 'string' ? target.split('.').pop() : undefined;
}

function headerRecord(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(req.headers)) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function write(res: ServerResponse, answer: SwfJsonResponse): void {
  if (res.destroyed) return;
  res.writeHead(answer.statusCode, answer.headers);
  res.end(answer.body);
}

/**
 * The dashboard shows workflow data: nothing but its own script runs (no inline script, nothing from
 * elsewhere), it only talks to itself, its forms only post to itself, and no other site may frame it.
 */
export const DASHBOARD_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; img-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function writePage(res: ServerResponse, method: string, page: PageResponse): void {
  const body = page.script ?? page.html ?? '';
  res.writeHead(page.statusCode, {
    'content-type': page.script !== undefined ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'content-security-policy': DASHBOARD_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...(page.location !== undefined ? { location: page.location } : {}),
  });
  res.end(method === 'HEAD' ? undefined : body);
}

function internalFailure(error: unknown): SwfJsonResponse {
  const message = error instanceof Error ? error.message : String(error);
  return faultResponse({ type: 'InternalFailure', statusCode: 500, message: `The local SWF service failed: ${message}` });
}

/** How long close() lets answers already on their way reach their callers before cutting connections. */
const CLOSE_GRACE_MS = 250;

async function closeServer(server: Server, inFlight: Set<ServerResponse>): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  server.closeIdleConnections();
  // When the service closes it answers its pending long polls with "no task"; give those
  // answers a moment to leave, then cut whatever still waits (a poll nobody released).
  const deadline = Date.now() + CLOSE_GRACE_MS;
  while (inFlight.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  server.closeAllConnections();
  await closed;
}
