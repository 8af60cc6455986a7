import {
  DescribeDomainCommand,
  GetWorkflowExecutionHistoryCommand,
  ListDomainsCommand,
  PollForActivityTaskCommand,
  RegisterDomainCommand,
  SWFClient,
  type SWFServiceException,
  UnknownResourceFault,
} from '@aws-sdk/client-swf';
import { HttpRequest } from '@smithy/core/protocols';
import { expect } from 'chai';
import { type Readable } from 'node:stream';
import { SwfFault } from '../../../lib/local/swf-fault';
import { LocalSwfBackend } from '../../../lib/local/swf-backend';
import { InMemoryRequestHandler } from '../../../lib/local/transport/in-memory-request-handler';
import { MAX_REQUEST_BYTES } from '../../../lib/local/transport/swf-json-protocol';
import { ScriptedDispatcher } from '../support/scripted-dispatcher';

function clientFor(dispatcher: ScriptedDispatcher): SWFClient {
  return new SWFClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: new InMemoryRequestHandler(dispatcher),
  });
}

async function rawCall(handler: InMemoryRequestHandler, init: { target?: string; body: string; method?: string; path?: string }) {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' };
  if (init.target !== undefined) headers['x-amz-target'] = init.target;
  const request = new HttpRequest({ method: init.method ?? 'POST', hostname: 'x', path: init.path ?? '/', headers, body: init.body });
  const { response } = await handler.handle(request);
  const chunks: Buffer[] = [];
  for await (const chunk of response.body as Readable) chunks.push(chunk as Buffer);
  return { status: response.statusCode, headers: response.headers, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
}

describe('InMemoryRequestHandler', () => {
  it('hands the service the action and the decoded JSON body the SDK serialised', async () => {
    const dispatcher = new ScriptedDispatcher();
    await clientFor(dispatcher).send(
      new RegisterDomainCommand({ name: 'd1', workflowExecutionRetentionPeriodInDays: '1', description: 'x' }),
    );
    expect(dispatcher.calls).to.have.length(1);
    expect(dispatcher.calls[0].action).to.equal('RegisterDomain');
    expect(dispatcher.calls[0].input).to.deep.equal({ name: 'd1', workflowExecutionRetentionPeriodInDays: '1', description: 'x' });
  });

  it('lets the SDK deserialise the answer, epoch seconds included', async () => {
    const dispatcher = new ScriptedDispatcher(() => ({
      domainInfos: [{ name: 'd1', status: 'REGISTERED' }],
    }));
    const out = await clientFor(dispatcher).send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' }));
    expect(out.domainInfos).to.deep.equal([{ name: 'd1', status: 'REGISTERED' }]);
    expect(out.$metadata.httpStatusCode).to.equal(200);
    expect(out.$metadata.requestId).to.match(/^[0-9a-f-]{36}$/);
  });

  it('sends timestamps as epoch seconds that the SDK reads back as Dates', async () => {
    const dispatcher = new ScriptedDispatcher(() => ({
      events: [{ eventId: 1, eventType: 'MarkerRecorded', eventTimestamp: 1767225600.25 }],
    }));
    const out = await clientFor(dispatcher).send(
      new GetWorkflowExecutionHistoryCommand({ domain: 'd', execution: { workflowId: 'w', runId: 'r' } }),
    );
    expect(out.events?.[0].eventTimestamp).to.deep.equal(new Date(1767225600250));
  });

  it('turns an SwfFault into the SDK exception class of that fault', async () => {
    const dispatcher = new ScriptedDispatcher(() => {
      throw SwfFault.unknownResource('Unknown domain: nope');
    });
    const error = await clientFor(dispatcher)
      .send(new DescribeDomainCommand({ name: 'nope' }))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).to.be.instanceOf(UnknownResourceFault);
    expect((error as UnknownResourceFault).message).to.equal('Unknown domain: nope');
    expect((error as UnknownResourceFault).$metadata.httpStatusCode).to.equal(400);
  });

  it('answers an unexpected service error as a 500 InternalFailure that names the action', async () => {
    const dispatcher = new ScriptedDispatcher(() => {
      throw new TypeError('boom');
    });
    const error = (await clientFor(dispatcher)
      .send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' }))
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as SWFServiceException;
    expect(error.name).to.equal('InternalFailure');
    expect(error.$metadata.httpStatusCode).to.equal(500);
    expect(error.message).to.contain('ListDomains').and.contain('boom');
  });

  it('abandons a long poll when the SDK call is aborted, and tells the service through the signal', async () => {
    let started!: () => void;
    const polling = new Promise<void>((resolve) => (started = resolve));
    const dispatcher = new ScriptedDispatcher(() => {
      started();
      return new Promise(() => undefined); // a long poll that never finds work
    });
    const abort = new AbortController();
    const call = clientFor(dispatcher).send(new PollForActivityTaskCommand({ domain: 'd', taskList: { name: 'l' } }), {
      abortSignal: abort.signal,
    });
    await polling;
    abort.abort();
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).name).to.equal('AbortError');
    expect(dispatcher.calls[0].signal?.aborted).to.equal(true);
  });

  describe('on malformed requests (what the SDK never sends, but other clients might)', () => {
    const handler = new InMemoryRequestHandler(new ScriptedDispatcher());

    it('answers invalid JSON with 400 SerializationException naming the action', async () => {
      const res = await rawCall(handler, { target: 'SimpleWorkflowService.ListDomains', body: '{"registrationStatus":' });
      expect(res.status).to.equal(400);
      expect(res.json.__type).to.equal('com.amazon.coral.service#SerializationException');
      expect(res.json.message).to.contain('ListDomains').and.contain('not valid JSON');
    });

    it('answers a JSON body that is not an object with 400 SerializationException', async () => {
      const res = await rawCall(handler, { target: 'SimpleWorkflowService.ListDomains', body: '[1]' });
      expect(res.status).to.equal(400);
      expect(res.json.message).to.contain('must be a JSON object, got an array');
    });

    it('answers a target of another service with 400 UnknownOperationException', async () => {
      const res = await rawCall(handler, { target: 'DynamoDB_20120810.ListTables', body: '{}' });
      expect(res.status).to.equal(400);
      expect(res.json.__type).to.equal('com.amazon.coral.service#UnknownOperationException');
      expect(res.json.message).to.contain('"DynamoDB_20120810.ListTables"').and.contain('SimpleWorkflowService.<Action>');
    });

    it('passes an unknown action name on to the service, which answers UnknownOperationException', async () => {
      const res = await rawCall(new InMemoryRequestHandler(new LocalSwfBackend()), {
        target: 'SimpleWorkflowService.LaunchRocket',
        body: '{}',
      });
      expect(res.status).to.equal(400);
      expect(res.json.__type).to.equal('com.amazon.coral.service#UnknownOperationException');
      expect(res.json.message).to.contain('LaunchRocket');
    });

    it('answers a missing target with 400 UnknownOperationException', async () => {
      const res = await rawCall(handler, { body: '{}' });
      expect(res.status).to.equal(400);
      expect(res.json.message).to.contain('no X-Amz-Target header');
    });

    it('refuses a body over 1 MB with 413', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(MAX_REQUEST_BYTES) });
      const res = await rawCall(handler, { target: 'SimpleWorkflowService.RegisterDomain', body: big });
      expect(res.status).to.equal(413);
      expect(res.json.__type).to.contain('RequestEntityTooLargeException');
      expect(res.json.message).to.contain('RegisterDomain').and.contain(String(MAX_REQUEST_BYTES));
    });

    it('treats an empty body as an empty input', async () => {
      const dispatcher = new ScriptedDispatcher(() => ({ domainInfos: [] }));
      const res = await rawCall(new InMemoryRequestHandler(dispatcher), { target: 'SimpleWorkflowService.ListDomains', body: '' });
      expect(res.status).to.equal(200);
      expect(dispatcher.calls[0].input).to.deep.equal({});
    });
  });
});
