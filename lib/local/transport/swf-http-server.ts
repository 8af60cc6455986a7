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

/** Serves GET pages (the dashboard); answers undefined for paths it does not own. */
export type PageHandler = (path: string) => Promise<{ statusCode: number; html: string } | undefined>;

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
  const wrongHost = guard.loopback ? hostFault(req.headers.host, guard.port) : undefined;
  if (wrongHost) return write(res, faultResponse(wrongHost));
  if ((req.method === 'GET' || req.method === 'HEAD') && !guard.accessKey) {
    const page = await pages(path);
    if (page !== undefined) return writePage(res, req.method, page.statusCode, page.html);
  }
  const body = await readLimitedBody(req);
  if (body === undefined) {
    res.setHeader('connection', 'close');
    return write(res, faultResponse(tooLarge(targetAction(req), Number(req.headers['content-length'] ?? NaN))));
  }
  if (guard.accessKey) {
    const unsigned = await signatureFault(guard.accessKey, { method: req.method ?? 'GET', path, headers: headerRecord(req), body });
    if (unsigned) return write(res, faultResponse(unsigned));
  }
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  try {
    const answer = await answerSwfJsonRequest(dispatcher, {
      method: req.method ?? 'GET',
      path,
      headers: headerRecord(req),
      body,
      signal: aborted.signal,
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

function writePage(res: ServerResponse, method: string, statusCode: number, html: string): void {
  res.writeHead(statusCode, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    // The dashboard shows workflow data; keep other sites from framing or scripting it.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
  });
  res.end(method === 'HEAD' ? undefined : html);
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
