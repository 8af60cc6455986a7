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

function get(url: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((done, fail) => {
    request(url, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
    })
      .on('error', fail)
      .end();
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
    expect(page.text).to.not.contain('<script>');
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

  it('says so when there are no domains yet', async () => {
    const empty = new LocalSwfService();
    const emptyServer = await empty.listen();
    const page = await get(`${emptyServer.url}/`);
    await empty.close();
    expect(page.text).to.contain('No domains yet');
  });
});
