import { DescribeDomainCommand, ListDomainsCommand, SWFClient, UnknownResourceFault } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { request } from 'node:http';
import { SwfFault } from '../../../lib/local/swf-fault';
import { LocalSwfBackend } from '../../../lib/local/swf-backend';
import { startSwfHttpServer, type ListeningServer } from '../../../lib/local/transport/swf-http-server';
import { MAX_REQUEST_BYTES } from '../../../lib/local/transport/swf-json-protocol';
import { ScriptedDispatcher } from '../support/scripted-dispatcher';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A plain node:http request, so the spec controls every header and byte. */
function send(
  url: string,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(init.path ?? '/', url);
    const req = request(target, { method: init.method ?? 'POST', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = (action: string) => ({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `SimpleWorkflowService.${action}` });
const noPages = async () => undefined;

describe('startSwfHttpServer', () => {
  let server: ListeningServer;
  let dispatcher: ScriptedDispatcher;

  beforeEach(async () => {
    dispatcher = new ScriptedDispatcher((action) => {
      if (action === 'DescribeDomain') throw SwfFault.unknownResource('Unknown domain: nope');
      return { domainInfos: [] };
    });
    server = await startSwfHttpServer(dispatcher, noPages, { port: 0 });
  });
  afterEach(() => server.close());

  it('binds 127.0.0.1 by default and reports the URL with the chosen port', () => {
    expect(server.host).to.equal('127.0.0.1');
    expect(server.port).to.be.greaterThan(0);
    expect(server.url).to.equal(`http://127.0.0.1:${server.port}`);
  });

  it('answers POST / with the action result as application/x-amz-json-1.0', async () => {
    const res = await send(server.url, { headers: json('ListDomains'), body: '{"registrationStatus":"REGISTERED"}' });
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('application/x-amz-json-1.0');
    expect(res.headers['x-amzn-requestid']).to.be.a('string');
    expect(JSON.parse(res.text)).to.deep.equal({ domainInfos: [] });
    expect(dispatcher.calls[0]).to.include({ action: 'ListDomains' });
    expect(dispatcher.calls[0].input).to.deep.equal({ registrationStatus: 'REGISTERED' });
  });

  it('answers a fault with its status code, qualified __type and message', async () => {
    const res = await send(server.url, { headers: json('DescribeDomain'), body: '{"name":"nope"}' });
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.text)).to.deep.equal({
      __type: 'com.amazonaws.swf.base.model#UnknownResourceFault',
      message: 'Unknown domain: nope',
    });
  });

  it('is reachable by the SDK with any credentials, faults mapped to their classes', async () => {
    const client = new SWFClient({
      endpoint: server.url,
      region: 'eu-west-3',
      credentials: { accessKeyId: 'anything', secretAccessKey: 'at-all' },
      maxAttempts: 1,
    });
    const error = await client.send(new DescribeDomainCommand({ name: 'nope' })).then(
      () => undefined,
      (e: unknown) => e,
    );
    client.destroy();
    expect(error).to.be.instanceOf(UnknownResourceFault);
  });

  it('answers invalid JSON with 400 SerializationException', async () => {
    const res = await send(server.url, { headers: json('ListDomains'), body: '{oops' });
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.text).__type).to.equal('com.amazon.coral.service#SerializationException');
  });

  it('answers an unknown action with 400 UnknownOperationException (from the real service)', async () => {
    const real = await startSwfHttpServer(new LocalSwfBackend(), noPages);
    const res = await send(real.url, { headers: json('DropTables'), body: '{}' });
    await real.close();
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.text).__type).to.equal('com.amazon.coral.service#UnknownOperationException');
  });

  it('answers a wrong path with 404 and a wrong method with 405, both as SWF error bodies', async () => {
    const wrongPath = await send(server.url, { path: '/swf', headers: json('ListDomains'), body: '{}' });
    expect(wrongPath.status).to.equal(404);
    expect(JSON.parse(wrongPath.text).message).to.contain('POST /swf is not part of');
    const wrongMethod = await send(server.url, { method: 'PUT', headers: json('ListDomains'), body: '{}' });
    expect(wrongMethod.status).to.equal(405);
    expect(JSON.parse(wrongMethod.text).__type).to.contain('UnknownOperationException');
    const unknownPage = await send(server.url, { method: 'GET', path: '/favicon.ico' });
    expect(unknownPage.status).to.equal(405);
  });

  it('refuses a body over 1 MB with 413 without handing it to the service', async () => {
    const body = Buffer.alloc(MAX_REQUEST_BYTES + 10, 0x20);
    const res = await send(server.url, { headers: json('RegisterDomain'), body });
    expect(res.status).to.equal(413);
    expect(JSON.parse(res.text).message).to.contain('RegisterDomain').and.contain('1 MB');
    expect(dispatcher.calls).to.have.length(0);
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await send(server.url, { headers: { ...json('ListDomains'), 'content-type': 'text/plain' }, body: '{}' });
    expect(res.status).to.equal(415);
  });

  it('tells the service through the abort signal when the caller hangs up on a long poll', async () => {
    let seen!: (signal: AbortSignal) => void;
    const signalSeen = new Promise<AbortSignal>((resolve) => (seen = resolve));
    const polls = new ScriptedDispatcher(() => new Promise(() => undefined));
    const original = polls.dispatch.bind(polls);
    polls.dispatch = (action, input, options) => {
      if (options?.signal) seen(options.signal);
      return original(action, input, options);
    };
    const pollServer = await startSwfHttpServer(polls, noPages);
    const req = request(pollServer.url, { method: 'POST', headers: json('PollForActivityTask') });
    req.on('error', () => undefined);
    req.end('{"domain":"d","taskList":{"name":"l"}}');
    const signal = await signalSeen;
    expect(signal.aborted).to.equal(false);
    req.destroy();
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    expect(signal.aborted).to.equal(true);
    await pollServer.close();
  });

  it('closes promptly even with a long poll pending, and close() can be called twice', async () => {
    const polls = new ScriptedDispatcher(() => new Promise(() => undefined));
    const pollServer = await startSwfHttpServer(polls, noPages);
    const pending = send(pollServer.url, { headers: json('PollForDecisionTask'), body: '{}' }).catch((e: Error) => e);
    while (polls.calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    await Promise.all([pollServer.close(), pollServer.close()]);
    expect(Date.now() - started).to.be.lessThan(1000);
    expect(await pending).to.be.instanceOf(Error);
  });

  it('binds the host it is given', async () => {
    const other = await startSwfHttpServer(dispatcher, noPages, { host: '::1' }).catch(() => undefined);
    if (other === undefined) return; // this machine has no IPv6 loopback
    expect(other.url).to.equal(`http://[::1]:${other.port}`);
    const res = await send(other.url, { headers: json('ListDomains'), body: '{}' });
    expect(res.status).to.equal(200);
    await other.close();
  });

  it('serves the pages handler for GET before the protocol error', async () => {
    const pages = async ({ path }: { path: string }) => (path === '/' ? { statusCode: 200, html: '<p>hi</p>' } : undefined);
    const withPages = await startSwfHttpServer(dispatcher, pages);
    const res = await send(withPages.url, { method: 'GET' });
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('text/html; charset=utf-8');
    expect(res.text).to.equal('<p>hi</p>');
    await withPages.close();
  });
});

describe('startSwfHttpServer against hostile requests', () => {
  let server: ListeningServer;
  let backend: LocalSwfBackend;
  beforeEach(async () => {
    backend = new LocalSwfBackend();
    server = await startSwfHttpServer(backend, async ({ path }) =>
      path === '/' ? { statusCode: 200, html: '<p>dashboard</p>' } : undefined,
    );
  });
  afterEach(async () => {
    await server.close();
    await backend.close();
  });

  it('answers 10,000 levels of nesting in a validated field with 400 ValidationException and a capped message', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const body of [
      `{"name":${deep},"workflowExecutionRetentionPeriodInDays":"1"}`,
      `{"domain":"d","workflowId":"w","workflowType":{"name":"t","version":"1"},"input":{"a":${deep}}}`,
    ]) {
      const action = body.startsWith('{"name"') ? 'RegisterDomain' : 'StartWorkflowExecution';
      const res = await send(server.url, { headers: json(action), body });
      expect(res.status, res.text.slice(0, 200)).to.equal(400);
      const fault = JSON.parse(res.text) as { __type: string; message: string };
      expect(fault.__type).to.equal('com.amazon.coral.validate#ValidationException');
      expect(fault.message.length).to.be.lessThan(300);
      expect(fault.message).to.match(
        /^1 validation error detected: Value '(\[|\{"a":\[)\[\[\[.*\.\.\.' at '(name|input)' failed to satisfy constraint: Member must be a string$/,
      );
    }
  });

  for (const host of ['evil.example', 'evil.example:PORT', '127.0.0.1.evil.example:PORT', 'localhost', 'localhost:1']) {
    it(`refuses Host "${host}" on a loopback server (DNS rebinding), for the API and the dashboard`, async () => {
      const headers = { host: host.replace('PORT', String(server.port)) };
      const api = await send(server.url, { headers: { ...json('ListDomains'), ...headers }, body: '{"registrationStatus":"REGISTERED"}' });
      expect(api.status).to.equal(403);
      expect(JSON.parse(api.text)).to.deep.equal({
        __type: 'com.amazon.coral.service#AccessDeniedException',
        message:
          `Host "${headers.host}" is not this server: a server on loopback answers only Host localhost:${server.port}, ` +
          `127.0.0.1:${server.port} or [::1]:${server.port} (a page on another site may not reach it through DNS rebinding).`,
      });
      const page = await send(server.url, { method: 'GET', headers });
      expect(page.status).to.equal(403);
    });
  }

  for (const host of ['localhost', '127.0.0.1', '[::1]']) {
    it(`serves Host ${host} with the port`, async () => {
      const res = await send(server.url, {
        headers: { ...json('ListDomains'), host: `${host}:${server.port}` },
        body: '{"registrationStatus":"REGISTERED"}',
      });
      expect(res.status).to.equal(200);
    });
  }
});

describe('startSwfHttpServer with an access key', () => {
  let server: ListeningServer;
  let backend: LocalSwfBackend;
  const client = (accessKeyId: string, secretAccessKey: string) =>
    new SWFClient({ endpoint: server.url, region: 'eu-west-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
  const outcome = async (swf: SWFClient): Promise<string> => {
    try {
      await swf.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' }));
      return 'served';
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    } finally {
      swf.destroy();
    }
  };
  beforeEach(async () => {
    backend = new LocalSwfBackend();
    server = await startSwfHttpServer(backend, noPages, { accessKey: { id: 'DEVKEY', secret: 'dev-secret' } });
  });
  afterEach(async () => {
    await server.close();
    await backend.close();
  });

  it('serves requests signed (SigV4) with the key', async () => {
    expect(await outcome(client('DEVKEY', 'dev-secret'))).to.equal('served');
  });

  it('answers a wrong secret, an unknown key id and an unsigned request with access denied', async () => {
    expect(await outcome(client('DEVKEY', 'guess'))).to.equal(
      'AccessDeniedException: The request signature does not match: sign it with the secret of access key DEVKEY.',
    );
    expect(await outcome(client('OTHER', 'dev-secret'))).to.equal(
      'AccessDeniedException: Access key OTHER is not the key this server accepts (--access-key).',
    );
    const unsigned = await send(server.url, { headers: json('ListDomains'), body: '{"registrationStatus":"REGISTERED"}' });
    expect(unsigned.status).to.equal(403);
    expect(JSON.parse(unsigned.text).message).to.equal(
      'The request is not signed: this server checks AWS Signature Version 4 with the access key given to --access-key.',
    );
  });

  it('refuses a signed request whose body was changed after signing', async () => {
    const swf = client('DEVKEY', 'dev-secret');
    swf.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body: string; headers: Record<string, string> };
        request.body = request.body.replace('REGISTERED', 'DEPRECATED');
        return next(args);
      },
      { step: 'deserialize', name: 'tamper' },
    );
    expect(await outcome(swf)).to.equal(
      'AccessDeniedException: The request signature does not match: sign it with the secret of access key DEVKEY.',
    );
  });
});
