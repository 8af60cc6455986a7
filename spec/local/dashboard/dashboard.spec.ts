import {
  PollForDecisionTaskCommand,
  RegisterDomainCommand,
  RespondDecisionTaskCompletedCommand,
  RegisterWorkflowTypeCommand,
  StartWorkflowExecutionCommand,
  TerminateWorkflowExecutionCommand,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { request } from 'node:http';
import { dashboardUrl } from '../../../lib/local/dashboard/dashboard-url';
import { LocalSwfService } from '../../../lib/local/local-swf-service';
import { ManualClock } from '../../../lib/local/manual-clock';
import type { ListeningServer } from '../../../lib/local/transport/swf-http-server';

interface Answer {
  status: number;
  type: string;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

function get(url: string): Promise<Answer> {
  return send(url, 'GET');
}

function send(url: string, method: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text, headers: res.headers }));
    }).on('error', fail);
    req.end(body);
  });
}

/** A form post as a browser on the dashboard's own page sends it. */
function postForm(server: ListeningServer, path: string, fields: Record<string, string>, origin = server.url): Promise<Answer> {
  return send(`${server.url}${path}`, 'POST', new URLSearchParams(fields).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    origin,
  });
}

describe('dashboardUrl', () => {
  it('joins the base URL and the URL-encoded domain, workflow id and run id', () => {
    expect(dashboardUrl('http://127.0.0.1:8080/', 'dev', 'order 42', 'a+b/c=')).to.equal(
      'http://127.0.0.1:8080/executions/dev/order%2042/a%2Bb%2Fc%3D',
    );
  });
});

describe('the dashboard', () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
  let service: LocalSwfService;
  let swf: SWFClient;
  let server: ListeningServer;
  let openRun: string;
  let closedRun: string;

  before(async () => {
    service = new LocalSwfService({ clock });
    swf = service.client();
    server = await service.listen();
    await swf.send(new RegisterDomainCommand({ name: 'dev', workflowExecutionRetentionPeriodInDays: '1' }));
    await swf.send(
      new RegisterWorkflowTypeCommand({
        domain: 'dev',
        name: 'Orders',
        version: '2',
        defaultTaskList: { name: 'd' },
        defaultExecutionStartToCloseTimeout: '60',
        defaultTaskStartToCloseTimeout: '10',
        defaultChildPolicy: 'TERMINATE',
      }),
    );
    const type = { name: 'Orders', version: '2' };
    openRun = (
      await swf.send(
        new StartWorkflowExecutionCommand({ domain: 'dev', workflowId: 'order-1', workflowType: type, input: '<script>alert(1)</script>' }),
      )
    ).runId as string;
    closedRun = (await swf.send(new StartWorkflowExecutionCommand({ domain: 'dev', workflowId: 'order-2', workflowType: type })))
      .runId as string;
    await swf.send(new TerminateWorkflowExecutionCommand({ domain: 'dev', workflowId: 'order-2', reason: 'test & "quote"' }));
  });
  after(async () => {
    swf.destroy();
    await service.close();
  });

  it('lists domains and their open and closed executions with status and links', async () => {
    const page = await get(`${server.url}/`);
    expect(page.status).to.equal(200);
    expect(page.type).to.equal('text/html; charset=utf-8');
    expect(page.text).to.contain('<h2>dev <small class="muted">REGISTERED</small></h2>');
    expect(page.text).to.contain(`href="${new URL(dashboardUrl(server.url, 'dev', 'order-1', openRun)).pathname}"`);
    expect(page.text).to.match(/order-1<\/a>[\s\S]*?class="OPEN">OPEN/);
    expect(page.text).to.match(/order-2<\/a>[\s\S]*?class="TERMINATED">TERMINATED/);
    expect(page.text).to.contain('2026-01-01T12:00:00.000Z');
  });

  it('shows an execution as a timeline of its events, escaping everything the service returns', async () => {
    const page = await get(dashboardUrl(server.url, 'dev', 'order-1', openRun));
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('<title>order-1 (OPEN)</title>');
    expect(page.text).to.match(/<td>1<\/td><td>2026-01-01T12:00:00\.000Z<\/td>[\s\S]*?<td>WorkflowExecutionStarted<\/td>/);
    expect(page.text).to.contain('input: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).to.not.contain('<script>alert');
    const closed = await get(dashboardUrl(server.url, 'dev', 'order-2', closedRun));
    expect(closed.text).to.contain('reason: test &amp; &quot;quote&quot;');
  });

  it('links the events that name another run to that run', async () => {
    const { runId } = await swf.send(
      new StartWorkflowExecutionCommand({
        domain: 'dev',
        workflowId: 'order-3',
        workflowType: { name: 'Orders', version: '2' },
        taskList: { name: 'd3' }, // order-1's decision task waits on 'd'
      }),
    );
    const task = await swf.send(new PollForDecisionTaskCommand({ domain: 'dev', taskList: { name: 'd3' } }));
    await swf.send(
      new RespondDecisionTaskCompletedCommand({
        taskToken: task.taskToken,
        decisions: [{ decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: {} }],
      }),
    );
    const page = await get(dashboardUrl(server.url, 'dev', 'order-3', runId as string));
    const continued = /WorkflowExecutionContinuedAsNew<br><a href="([^"]+)">→ order-3<\/a>/.exec(page.text);
    expect(continued, 'a link on the ContinuedAsNew event').to.not.equal(null);
    const next = await get(`${server.url}${continued?.[1]}`);
    expect(next.status).to.equal(200);
    expect(next.text).to.contain('<title>order-3 (OPEN)</title>');
  });

  it('answers 404 pages for an unknown execution and a malformed path', async () => {
    const unknown = await get(dashboardUrl(server.url, 'dev', 'order-1', 'no-such-run'));
    expect(unknown.status).to.equal(404);
    expect(unknown.text).to.contain('No execution order-1 / no-such-run in domain dev');
    const malformed = await get(`${server.url}/executions/dev/%E0%A4%A/x`);
    expect(malformed.status).to.equal(404);
    expect(malformed.text).to.contain('is not /executions/&lt;domain&gt;/&lt;workflowId&gt;/&lt;runId&gt;');
    const short = await get(`${server.url}/executions/dev/order-1`);
    expect(short.status).to.equal(404);
  });

  it('filters executions by type, status and workflow id', async () => {
    const byStatus = await get(`${server.url}/?status=TERMINATED`);
    expect(byStatus.text).to.contain('>order-2</a>').and.not.contain('>order-1</a>');
    const byId = await get(`${server.url}/?id=ORDER-1`);
    expect(byId.text).to.contain('>order-1</a>').and.not.contain('>order-2</a>');
    const byType = await get(`${server.url}/?type=nothing-like-it`);
    expect(byType.text).to.contain('No executions match.');
    expect(byType.text).to.contain('value="nothing-like-it"');
    const injected = await get(`${server.url}/?type=%22%3E%3Cscript%3E`);
    expect(injected.text).to.contain('value="&quot;&gt;&lt;script&gt;"');
  });

  it('shows the published state, escaped', async () => {
    const { runId } = await swf.send(
      new StartWorkflowExecutionCommand({
        domain: 'dev',
        workflowId: 'order-4',
        workflowType: { name: 'Orders', version: '2' },
        taskList: { name: 'd4' },
      }),
    );
    const task = await swf.send(new PollForDecisionTaskCommand({ domain: 'dev', taskList: { name: 'd4' } }));
    await swf.send(
      new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions: [], executionContext: '{"step":"<packing>"}' }),
    );
    const page = await get(dashboardUrl(server.url, 'dev', 'order-4', runId as string));
    expect(page.text).to.contain('<pre class="state">{&quot;step&quot;:&quot;&lt;packing&gt;&quot;}</pre>');
  });

  it('signals, cancels and terminates from its forms, redirecting back to the execution', async () => {
    const { runId } = await swf.send(
      new StartWorkflowExecutionCommand({
        domain: 'dev',
        workflowId: 'order-5',
        workflowType: { name: 'Orders', version: '2' },
        taskList: { name: 'd5' },
      }),
    );
    const base = `/actions/dev/order-5/${encodeURIComponent(runId as string)}`;
    const signalled = await postForm(server, `${base}/signal`, { signalName: 'approve', input: '{"ok":true}' });
    expect(signalled.status).to.equal(303);
    expect(signalled.headers.location).to.equal(`/executions/dev/order-5/${encodeURIComponent(runId as string)}?done=signal`);
    expect((await get(`${server.url}${signalled.headers.location}`)).text).to.contain('<p class="notice">Signal sent.</p>');
    const badInput = await postForm(server, `${base}/signal`, { signalName: 'x', input: '<b>' });
    expect(badInput.status).to.equal(400);
    expect(badInput.text).to.contain('<p class="error">Signal x: the input must be JSON');
    expect((await postForm(server, `${base}/cancel`, {})).status).to.equal(303);
    expect((await postForm(server, `${base}/terminate`, { reason: 'spec' })).status).to.equal(303);
    const page = await get(dashboardUrl(server.url, 'dev', 'order-5', runId as string));
    expect(page.text).to.contain('<title>order-5 (TERMINATED)</title>').and.not.contain('<h2>Actions</h2>');
    for (const event of ['WorkflowExecutionSignaled', 'WorkflowExecutionCancelRequested', 'WorkflowExecutionTerminated']) {
      expect(page.text).to.contain(`<td>${event}</td>`);
    }
  });

  it('refuses an action posted from another origin, or to an unknown action', async () => {
    const { runId } = await swf.send(
      new StartWorkflowExecutionCommand({
        domain: 'dev',
        workflowId: 'order-6',
        workflowType: { name: 'Orders', version: '2' },
        taskList: { name: 'd6' },
      }),
    );
    const base = `/actions/dev/order-6/${encodeURIComponent(runId as string)}`;
    const forged = await postForm(server, `${base}/terminate`, { reason: 'evil' }, 'http://evil.example');
    expect(forged.status).to.equal(403);
    const unknown = await postForm(server, `${base}/delete`, {});
    expect(unknown.status).to.equal(404);
    const page = await get(dashboardUrl(server.url, 'dev', 'order-6', runId as string));
    expect(page.text).to.contain('<title>order-6 (OPEN)</title>');
  });

  it('is closed, forms included, on a server that requires an access key', async () => {
    const { runId } = await swf.send(
      new StartWorkflowExecutionCommand({
        domain: 'dev',
        workflowId: 'order-7',
        workflowType: { name: 'Orders', version: '2' },
        taskList: { name: 'd7' },
      }),
    );
    const keyed = await service.listen({ accessKey: { id: 'AKID', secret: 'secret' } });
    try {
      expect((await get(`${keyed.url}/`)).status).to.not.equal(200);
      const posted = await postForm(keyed, `/actions/dev/order-7/${encodeURIComponent(runId as string)}/terminate`, { reason: 'unsigned' });
      expect(posted.status).to.equal(403);
      expect(posted.text).to.contain('AccessDenied');
    } finally {
      await keyed.close();
    }
    expect((await get(dashboardUrl(server.url, 'dev', 'order-7', runId as string))).text).to.contain('<title>order-7 (OPEN)</title>');
  });

  it('serves its one script from its own origin, under a CSP that allows nothing else', async () => {
    const page = await get(`${server.url}/`);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).to.contain("default-src 'none'").and.contain("script-src 'self'").and.contain("form-action 'self'");
    expect(csp).to.contain("frame-ancestors 'none'").and.not.contain('unsafe-eval');
    expect(page.text).to.contain('<script src="/dashboard.js" defer></script>');
    expect(page.text.match(/<script/g)).to.have.length(1);
    const script = await get(`${server.url}/dashboard.js`);
    expect(script.status).to.equal(200);
    expect(script.type).to.equal('text/javascript; charset=utf-8');
    expect(script.text).to.contain("querySelector('main')");
  });

  it('says so when there are no domains yet', async () => {
    const empty = new LocalSwfService();
    const emptyServer = await empty.listen();
    const page = await get(`${emptyServer.url}/`);
    await empty.close();
    expect(page.text).to.contain('No domains yet');
  });
});
