import 'reflect-metadata';
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import {
  PollForActivityTaskCommand,
  RegisterActivityTypeCommand,
  SignalWorkflowExecutionCommand,
  type SWFClient,
} from '@aws-sdk/client-swf';
import {
  FlowFactory,
  PayloadError,
  PayloadTooLargeError,
  TsflowError,
  UnknownActivityTaskError,
  WorkflowClient,
  type FlowApp,
} from '../../index';
import { LocalSwfService, ManualClock } from '../../lib/local';
import { ManualExecutions, scheduleActivity, type ExecutionIds } from '../helpers/manual-executions';
import { TRANSPORTS, httpClient, type LocalTransport } from '../helpers/local-transports';
import { RecordingLogger } from '../helpers/quiet-logger';
import { Reviewed, ReviewModule, pendingReviews } from './fixtures/review-workflows';

const DOMAIN = 'completion-spec';

/** An activity type no worker serves: these specs take its tasks by hand, as any worker would. */
async function registerByHand(swf: SWFClient): Promise<void> {
  await swf.send(
    new RegisterActivityTypeCommand({
      domain: DOMAIN,
      name: 'byHand',
      version: '1',
      defaultTaskList: { name: 'by-hand' },
      defaultTaskScheduleToStartTimeout: 'NONE',
      defaultTaskStartToCloseTimeout: '600',
      defaultTaskScheduleToCloseTimeout: 'NONE',
      defaultTaskHeartbeatTimeout: 'NONE',
    }),
  );
}

for (const transport of TRANSPORTS) {
  describe(`ActivityCompletion (${transport.name})`, () => {
    let local: LocalTransport;
    let swf: SWFClient;
    let client: WorkflowClient;
    let executions: ManualExecutions;

    before(async () => {
      local = await transport.start();
      swf = local.client();
      executions = new ManualExecutions(swf, DOMAIN);
      await executions.register();
      await registerByHand(swf);
      client = new WorkflowClient(swf, { domain: DOMAIN, taskList: 'manual', identity: 'spec' });
    });

    after(() => local.close());

    /** Schedules one activity and takes its task as a worker would, returning the token. */
    async function openTask(): Promise<{ execution: ExecutionIds; token: string }> {
      const execution = await executions.start();
      await executions.decide(execution, [scheduleActivity('a1', 'byHand', 'by-hand')]);
      const task = await swf.send(new PollForActivityTaskCommand({ domain: DOMAIN, taskList: { name: 'by-hand' }, identity: 'spec' }));
      return { execution, token: task.taskToken! };
    }

    const attributesOf = async (execution: ExecutionIds, type: string) =>
      (await executions.waitFor(execution, type)).find((e) => e.eventType === type) as unknown as Record<string, Record<string, unknown>>;

    it('completes the task with its result as JSON', async () => {
      const { execution, token } = await openTask();
      await client.activityCompletion(token).complete({ approved: true, by: 'ana' });
      const event = await attributesOf(execution, 'ActivityTaskCompleted');
      expect(event.activityTaskCompletedEventAttributes.result).to.equal('{"approved":true,"by":"ana"}');
    });

    it('fails the task with reason and details: a string as it is, anything else as JSON', async () => {
      const first = await openTask();
      await client.activityCompletion(first.token).fail('Rejected', 'not in budget');
      expect((await attributesOf(first.execution, 'ActivityTaskFailed')).activityTaskFailedEventAttributes).to.deep.include({
        reason: 'Rejected',
        details: 'not in budget',
      });
      const second = await openTask();
      await client.activityCompletion(second.token).fail('Rejected', { limit: 100 });
      expect((await attributesOf(second.execution, 'ActivityTaskFailed')).activityTaskFailedEventAttributes.details).to.equal(
        '{"limit":100}',
      );
    });

    it('heartbeats, answering whether cancellation was requested, and reports the task cancelled', async () => {
      const { execution, token } = await openTask();
      const task = client.activityCompletion(token);
      expect(await task.heartbeat({ stage: 'review' })).to.equal(false);
      // A signal gives the workflow a decision task to request the cancellation in.
      await swf.send(new SignalWorkflowExecutionCommand({ domain: DOMAIN, ...execution, signalName: 'stop' }));
      await executions.decide(execution, [
        { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'a1' } },
      ]);
      expect(await task.heartbeat()).to.equal(true);
      await task.reportCancelled('withdrawn');
      expect((await attributesOf(execution, 'ActivityTaskCanceled')).activityTaskCanceledEventAttributes.details).to.equal('withdrawn');
    });

    it('raises UnknownActivityTaskError for a token SWF no longer knows, naming the action', async () => {
      const { token } = await openTask();
      await client.activityCompletion(token).complete('once');
      const again = await client
        .activityCompletion(token)
        .complete('twice')
        .catch((e: unknown) => e);
      expect(again).to.be.instanceOf(UnknownActivityTaskError);
      expect(again).to.include({ action: 'RespondActivityTaskCompleted', taskToken: token });
      expect((again as Error).message).to.match(
        /^RespondActivityTaskCompleted for activity task token '.{16}…' \(\d+ characters\) failed: SWF knows no open activity task for this token\./,
      );
      const unknown = await client
        .activityCompletion('no-such-token')
        .heartbeat()
        .catch((e: unknown) => e);
      expect(unknown).to.be.instanceOf(UnknownActivityTaskError);
      expect((unknown as Error).message).to.contain("RecordActivityTaskHeartbeat for activity task token 'no-such-token' failed");
    });

    it('refuses what SWF could not carry before calling SWF, leaving the task open', async () => {
      const { execution, token } = await openTask();
      const task = client.activityCompletion(token);
      const refusals = await Promise.all([
        task.complete('x'.repeat(40_000)).catch((e: unknown) => e),
        task.fail('r'.repeat(300)).catch((e: unknown) => e),
        task.fail('Big', 'd'.repeat(40_000)).catch((e: unknown) => e),
        task.heartbeat('h'.repeat(2049)).catch((e: unknown) => e),
        task.complete(10n).catch((e: unknown) => e),
      ]);
      for (const refusal of refusals) expect(refusal).to.be.instanceOf(PayloadError);
      expect(refusals.filter((e) => e instanceof PayloadTooLargeError).map((e) => (e as PayloadTooLargeError).limit)).to.deep.equal([
        32768, 32768, 2048,
      ]);
      expect(refusals.map((e) => (e as Error).message.replace(/'.{16}…' \(\d+ characters\)/, 'T'))).to.deep.equal([
        'The result of activity task T is 40002 characters of JSON; SWF accepts at most 32768. Pass a reference (e.g. an S3 key) instead of the data.',
        'The failure reason of activity task T is 300 characters; SWF allows at most 256. Put the rest in details.',
        'The failure details of activity task T is 40000 characters of JSON; SWF accepts at most 32768. Pass a reference (e.g. an S3 key) instead of the data.',
        'The heartbeat details of activity task T is 2049 characters of JSON; SWF accepts at most 2048. Pass a reference (e.g. an S3 key) instead of the data.',
        'The result of activity task T cannot be encoded as JSON: Do not know how to serialize a BigInt.',
      ]);
      await task.complete('fits');
      expect((await attributesOf(execution, 'ActivityTaskCompleted')).activityTaskCompletedEventAttributes.result).to.equal('"fits"');
    });

    it('refuses an empty token at once', () => {
      expect(() => client.activityCompletion('')).to.throw(TsflowError, 'the task token is empty');
    });
  });
}

describe('ActivityCompletion of a task that timed out', () => {
  it('raises UnknownActivityTaskError once SWF has timed the task out', async () => {
    const clock = new ManualClock();
    const service = new LocalSwfService({ clock });
    try {
      const swf = service.client();
      const executions = new ManualExecutions(swf, DOMAIN);
      await executions.register();
      await registerByHand(swf);
      const execution = await executions.start();
      await executions.decide(execution, [scheduleActivity('a1', 'byHand', 'by-hand', '5')]);
      const task = await swf.send(new PollForActivityTaskCommand({ domain: DOMAIN, taskList: { name: 'by-hand' } }));
      const completion = new WorkflowClient(swf, { domain: DOMAIN, taskList: 'manual', identity: 'spec' }).activityCompletion(
        task.taskToken!,
      );
      expect(await completion.heartbeat()).to.equal(false);
      await clock.advance(6);
      await executions.waitFor(execution, 'ActivityTaskTimedOut');
      const error = await completion.complete('too late').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(UnknownActivityTaskError);
      expect((error as Error).message).to.contain('timed out');
    } finally {
      await service.close();
    }
  });
});

describe('Async activity completion end to end (a second process over HTTP)', () => {
  let local: LocalTransport;
  let app: FlowApp;
  let client: WorkflowClient;

  before(async () => {
    local = await TRANSPORTS.find((t) => t.name === 'HTTP')!.start();
    app = await FlowFactory.create(ReviewModule, {
      domain: 'completion-e2e',
      taskList: 'review-decider',
      swfClient: httpClient(local.url!),
      registerDomain: true,
      logger: new RecordingLogger(),
      handleSignals: false,
    });
    client = app.get(WorkflowClient);
  });

  after(async () => {
    await app?.close();
    await local?.close();
  });

  /** Runs the reviewer process against the dev server; resolves its exit code and what it printed. */
  async function reviewer(token: string, verdict: unknown): Promise<{ code: number; stdout: string; stderr: string }> {
    const script = join(__dirname, 'fixtures', 'complete-review-process.js');
    const args = [script, local.url!, 'completion-e2e', token, JSON.stringify(verdict)];
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { timeout: 15_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  async function tokenOf(workflowId: string): Promise<string> {
    for (let i = 0; i < 400; i++) {
      const token = pendingReviews.get(workflowId);
      if (token) return token;
      await delay(25);
    }
    throw new Error(`the review of ${workflowId} never started`);
  }

  it('completes an activity left open by its worker, from another process, and the workflow carries on', async () => {
    const run = await client.start(Reviewed, 'budget.pdf');
    const token = await tokenOf(run.workflowId);
    const done = await reviewer(token, { approved: true, by: 'ana' });
    expect(done).to.deep.include({ code: 0, stdout: 'completed\n' });
    expect(await run.result({ timeoutMs: 15_000 })).to.deep.equal({ approved: true, by: 'ana' });
    const types = (await run.history()).map((e) => e.eventType);
    expect(types.filter((t) => t?.startsWith('ActivityTask'))).to.deep.equal([
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskCompleted',
    ]);

    const again = await reviewer(token, { approved: false, by: 'bob' });
    expect(again).to.deep.include({ code: 3, stdout: 'UnknownActivityTaskError\n' });
    expect(again.stderr).to.contain('SWF knows no open activity task for this token');
  });
});
