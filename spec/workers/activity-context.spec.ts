import 'reflect-metadata';
import { expect } from 'chai';
import { SWFClient } from '@aws-sdk/client-swf';
import { setTimeout as delay } from 'node:timers/promises';
import { container } from 'tsyringe';
import { Activities, Activity, ActivityCompletion, ActivityContext } from '../../index';
import { ActivityWorker } from '../../lib/workers';
import { TypeRegistry } from '../../lib/metadata';
import { LocalSwfService } from '../../lib/local';
import { registerActivityType } from '../../lib/workers/register-types';
import { ManualExecutions, scheduleActivity, type ExecutionIds } from '../helpers/manual-executions';
import { RecordingLogger } from '../helpers/quiet-logger';
import { TsflowError } from '../../lib/errors';

/** The task tokens of the tasks left open, by workflow id and activity id. */
const openTokens = new Map<string, string>();

@Activities({ version: '1', prefix: 'ctx', defaultTaskList: 'ctx-acts' })
class ContextActivities {
  @Activity()
  async later(_input: void, context: ActivityContext): Promise<string> {
    openTokens.set(`${context.workflowExecution.workflowId}/${context.activityId}`, context.taskToken);
    return context.completeLater();
  }

  @Activity()
  async attempt(_input: void, context: ActivityContext): Promise<number> {
    return context.attempt;
  }
}

const DOMAIN = 'activity-context-spec';

describe('ActivityContext', () => {
  let service: LocalSwfService;
  let swf: SWFClient;
  let executions: ManualExecutions;
  let registry: TypeRegistry;

  const newWorker = (logger = new RecordingLogger()) =>
    new ActivityWorker(swf, registry, container.createChildContainer(), {
      domain: DOMAIN,
      taskLists: ['ctx-acts'],
      identity: 'spec',
      concurrency: 1,
      logger,
    });

  async function tokenOf(execution: ExecutionIds, activityId: string): Promise<string> {
    for (let i = 0; i < 300; i++) {
      const token = openTokens.get(`${execution.workflowId}/${activityId}`);
      if (token) return token;
      await delay(10);
    }
    throw new Error(`activity ${activityId} of ${execution.workflowId} never ran`);
  }

  const closeEventsOf = (events: Awaited<ReturnType<ManualExecutions['history']>>) =>
    events.filter((e) => /^ActivityTask(Completed|Failed|Canceled|TimedOut)$/.test(e.eventType ?? ''));

  before(async () => {
    service = new LocalSwfService();
    swf = service.client();
    executions = new ManualExecutions(swf, DOMAIN);
    await executions.register();
    registry = new TypeRegistry({ activities: [ContextActivities] });
    for (const definition of registry.activities) await registerActivityType(swf, DOMAIN, definition, 'ctx-acts');
  });

  after(() => service.close());

  describe('completeLater()', () => {
    let worker: ActivityWorker;
    let logger: RecordingLogger;

    beforeEach(() => {
      logger = new RecordingLogger();
      worker = newWorker(logger);
      worker.start();
    });

    afterEach(() => worker.close(1000));

    it('leaves the task open: the worker sends nothing, and the task token finishes it later', async () => {
      const execution = await executions.start();
      await executions.decide(execution, [scheduleActivity('a1', 'ctx.later', 'ctx-acts')]);
      const token = await tokenOf(execution, 'a1');
      await delay(50);
      expect(closeEventsOf(await executions.history(execution))).to.deep.equal([]);
      expect(logger.find('left open')?.fields).to.include({ activityId: 'a1', workflowId: execution.workflowId });

      await new ActivityCompletion(swf, token).complete({ approved: true });
      const events = await executions.waitFor(execution, 'ActivityTaskCompleted');
      expect(closeEventsOf(events).map((e) => e.activityTaskCompletedEventAttributes?.result)).to.deep.equal(['{"approved":true}']);
    });

    it("frees the task's slot at once, so the next task runs while the first is still open", async () => {
      const execution = await executions.start();
      await executions.decide(execution, [
        scheduleActivity('a1', 'ctx.later', 'ctx-acts'),
        scheduleActivity('a2', 'ctx.attempt', 'ctx-acts'),
      ]);
      const events = await executions.waitFor(execution, 'ActivityTaskCompleted');
      const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes?.activityId === 'a2')!.eventId;
      expect(closeEventsOf(events).map((e) => e.activityTaskCompletedEventAttributes?.scheduledEventId)).to.deep.equal([scheduled]);
      await new ActivityCompletion(swf, await tokenOf(execution, 'a1')).complete();
    });
  });

  it('does not hold up shutdown for a task left to complete later', async () => {
    const logger = new RecordingLogger();
    const worker = newWorker(logger);
    worker.start();
    const execution = await executions.start();
    await executions.decide(execution, [scheduleActivity('a1', 'ctx.later', 'ctx-acts')]);
    const token = await tokenOf(execution, 'a1');
    // Without a timeout, close() waits for every task still running: it would never return if this one counted.
    await worker.close();
    expect(logger.find('still running')).to.equal(undefined);

    await new ActivityCompletion(swf, token).complete('after shutdown');
    const events = await executions.waitFor(execution, 'ActivityTaskCompleted');
    expect(closeEventsOf(events)[0].activityTaskCompletedEventAttributes?.result).to.equal('"after shutdown"');
  });

  it('reports the attempt from the activity id: 1 without a suffix, n for <id>#n', async () => {
    const worker = newWorker();
    worker.start();
    try {
      const execution = await executions.start();
      await executions.decide(execution, [
        scheduleActivity('b1', 'ctx.attempt', 'ctx-acts'),
        scheduleActivity('b2#3', 'ctx.attempt', 'ctx-acts'),
      ]);
      const events = await executions.waitFor(execution, 'ActivityTaskCompleted', 2);
      const idOf = new Map(events.map((e) => [e.eventId, e.activityTaskScheduledEventAttributes?.activityId]));
      const attempts = closeEventsOf(events).map((e) => [
        idOf.get(e.activityTaskCompletedEventAttributes?.scheduledEventId),
        e.activityTaskCompletedEventAttributes?.result,
      ]);
      expect(attempts).to.have.deep.members([
        ['b1', '1'],
        ['b2#3', '3'],
      ]);
    } finally {
      await worker.close(1000);
    }
  });
});

/** A client whose every call fails loudly: these specs must be stopped before anything is sent. */
const unreachable = new SWFClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  requestHandler: { handle: () => Promise.reject(new Error('sent to SWF')) },
});

describe('ActivityContext heartbeat details', () => {
  const context = new ActivityContext(unreachable, 'token', 'a1', { name: 'Mail.send', version: '2' }, { workflowId: 'w', runId: 'r' }, 1);

  it('refuses heartbeat details over SWF’s 2,048 characters, naming the activity', async () => {
    const error = (await context.heartbeat('x'.repeat(2_049)).catch((e: unknown) => e)) as Error;
    expect(error).to.be.instanceOf(TsflowError);
    expect(error.message).to.equal(
      'Heartbeat details of activity Mail.send 2 (activity id a1) are 2049 characters; SWF allows at most 2048. ' +
        'Heartbeat a short progress marker (a count, a cursor) and keep the rest elsewhere.',
    );
  });

  it('counts JSON-encoded details against the limit too', async () => {
    const error = (await context.heartbeat({ text: 'y'.repeat(2_040) }).catch((e: unknown) => e)) as Error;
    expect(error.message).to.contain('are 2051 characters');
  });

  it('sends details of exactly 2,048 characters', async () => {
    const error = (await context.heartbeat('z'.repeat(2_048)).catch((e: unknown) => e)) as Error;
    expect(error.message).to.equal('sent to SWF');
  });
});
