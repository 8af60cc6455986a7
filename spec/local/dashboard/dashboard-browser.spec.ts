/// <reference lib="dom" />
import 'reflect-metadata';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { FlowFactory, WorkflowClient, type FlowApp } from 'tsflow';
import { StringTransformerModule } from '../../../samples/string-transformer/main';
import { StringTransformer } from '../../../samples/string-transformer/workflows';
import { startDevServer, type RunningDevServer } from '../../cli/support/dev-server-process';
import { RecordingLogger } from '../../helpers/quiet-logger';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SAMPLE_LAMBDAS = resolve(__dirname, '../../../samples/string-transformer/lambdas.js');
/**
 * The README's picture is taken here, but only when asked (`npm run docs:screenshot`): a test run must
 * leave the tree as it found it. Otherwise the screenshot goes to the build output, where it is still taken.
 */
const SCREENSHOT = process.env.TSFLOW_UPDATE_SCREENSHOT
  ? resolve(__dirname, '../../../../docs/dashboard.png')
  : resolve(__dirname, '../../../dashboard.png');
const DOMAIN = 'tsflow-samples';

describe('the dashboard in a browser (headless Chromium)', function () {
  this.timeout(60_000);
  let server: RunningDevServer;
  let app: FlowApp;
  let client: WorkflowClient;
  let browser: Browser;
  let page: Page;
  const offsite: string[] = [];
  const problems: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    server = await startDevServer(['dev-server', '--port', '0', '--lambdas', SAMPLE_LAMBDAS]);
    app = await FlowFactory.create(StringTransformerModule, {
      domain: DOMAIN,
      taskList: 'string-transformer',
      swf: { endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } },
      registerDomain: true,
      logger: new RecordingLogger(),
      handleSignals: false,
    });
    client = app.get(WorkflowClient);
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) offsite.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
  });

  afterEach(() => {
    expect(offsite, 'requests that left the dev server').to.deep.equal([]);
    expect(problems, 'console errors (CSP violations show here)').to.deep.equal([]);
  });

  it("finds a finished sample execution, opens its timeline and shows its calls, the failed Lambda's reason and the child", async () => {
    const run = await client.start(StringTransformer, ['Hello', ' ', 'World'], { workflowId: 'browser-1' });
    expect(await run.result({ timeoutMs: 30_000 })).to.equal('OLLEH DLROW');

    await page.goto(`${server.url}/`);
    await page.fill('input[name="type"]', 'StringTransformer');
    await page.selectOption('select[name="status"]', 'COMPLETED');
    await page.click('button:has-text("Filter")');
    const listed = await page.locator('table.executions tr td:first-child a').allTextContents();
    expect(listed).to.deep.equal(['browser-1']);
    await page.click('a:has-text("browser-1")');

    await page.waitForSelector('section.timeline');
    expect(await page.title()).to.equal('browser-1 (COMPLETED)');
    const labels = await page.locator('.timeline details summary .label b').allTextContents();
    expect(labels.filter((l) => l === 'string_upcase')).to.have.length(4);
    expect(labels.filter((l) => l === 'string_reverse')).to.have.length(3);
    expect(labels).to.include('2s').and.include('StringConcatter 1.0');
    const failed = page.locator('.timeline details.lambda.failed');
    expect(await failed.count()).to.equal(1);
    expect(await failed.locator('.bar').evaluate((bar) => getComputedStyle(bar).backgroundColor)).to.equal('rgb(204, 34, 34)');
    expect(await failed.locator('.detail').isVisible()).to.equal(false);
    await failed.locator('summary').click();
    expect(await failed.locator('.detail').innerText())
      .to.contain('input\n42')
      .and.contain('TypeError');
    const timer = page.locator('.timeline details.timer.fired');
    const width = await timer.locator('.bar').evaluate((bar) => parseFloat((bar as HTMLElement).style.width));
    expect(width, 'the 2 s timer spans most of the run').to.be.greaterThan(50);

    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });

    const child = page.locator('p.family a');
    expect(await child.innerText()).to.equal('browser-1-child1');
    await child.click();
    await page.waitForSelector('section.timeline');
    expect(await page.title()).to.equal('browser-1-child1 (COMPLETED)');
    expect(await page.locator('p.family a').innerText()).to.equal('browser-1');
  });

  it('refreshes an open execution live, and signals, cancels and terminates it from its page', async () => {
    // No decider polls this task list: the execution stays open for the page to act on.
    const run = await client.start(StringTransformer, ['x'], { workflowId: 'browser-open', taskList: 'nobody' });
    await page.goto(`${server.url}/executions/${DOMAIN}/browser-open/${encodeURIComponent(run.runId!)}`);
    await client.signal('browser-open', 'from-outside', { n: 1 });
    await page.waitForFunction(
      () => document.querySelector('table.events')?.textContent?.includes('WorkflowExecutionSignaled'),
      undefined,
      {
        timeout: 10_000,
      },
    );
    expect(await page.evaluate(() => document.body.dataset.refreshed)).to.be.a('string');

    await page.fill('input[name="signalName"]', 'approve');
    await page.fill('input[name="input"]', '{"by":"ada"}');
    await page.click('button:has-text("Signal")');
    expect(await page.locator('p.notice').innerText()).to.equal('Signal sent.');
    await page.fill('input[name="input"]', '{not json');
    await page.fill('input[name="signalName"]', 'broken');
    await page.click('button:has-text("Signal")');
    expect(await page.locator('p.error').innerText()).to.contain('the input must be JSON');
    // The refused form is answered 400, which the browser reports; that one is expected.
    expect(problems.splice(0)).to.deep.equal(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await page.click('button:has-text("Request cancel")');
    expect(await page.locator('p.notice').innerText()).to.equal('Cancellation requested.');
    await page.fill('input[name="reason"]', 'done <testing>');
    await page.click('button:has-text("Terminate")');
    expect(await page.title()).to.equal('browser-open (TERMINATED)');
    const history = await run.history();
    const signals = history
      .filter((e) => e.eventType === 'WorkflowExecutionSignaled')
      .map((e) => e.workflowExecutionSignaledEventAttributes);
    expect(signals.map((s) => [s?.signalName, s?.input])).to.deep.equal([
      ['from-outside', '{"n":1}'],
      ['approve', '{"by":"ada"}'],
    ]);
    expect(history.some((e) => e.eventType === 'WorkflowExecutionCancelRequested')).to.equal(true);
    expect(history.at(-1)?.workflowExecutionTerminatedEventAttributes?.reason).to.equal('done <testing>');
  });
});
