import 'reflect-metadata';
import { expect } from 'chai';
import type { Decision, SWFClient } from '@aws-sdk/client-swf';
import { setTimeout as delay } from 'node:timers/promises';
import { container } from 'tsyringe';
import { Activities, Activity, ActivityContext } from '../../index';
import { ActivityWorker } from '../../lib/workers';
import { TypeRegistry } from '../../lib/metadata';
import { LocalSwfService } from '../../lib/local';
import { registerActivityType } from '../../lib/workers/register-types';
import { ManualExecutions, type ExecutionIds } from '../helpers/manual-executions';
import { RecordingLogger } from '../helpers/quiet-logger';

/** What the hung activity saw: whether its signal fired, and a way for the spec to let it return late. */
const hung = { aborted: false, release: (): void => undefined };

@Activities({ version: '1', prefix: 'faults', defaultTaskList: 'faults', defaultTaskStartToCloseTimeout: 1 })
class FaultActivities {
  @Activity()
  async hang(_input: void, context: ActivityContext): Promise<string> {
    context.signal.addEventListener('abort', () => (hung.aborted = true));
    await new Promise<void>((resolve) => (hung.release = resolve));
    return 'too late';
  }

  @Activity({ defaultTaskStartToCloseTimeout: 60, defaultTaskHeartbeatTimeout: 1 })
  async silent(_input: void, context: ActivityContext): Promise<string> {
    await context.heartbeat('once');
    await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
    return 'aborted';
  }

  @Activity({ defaultTaskStartToCloseTimeout: 60 })
  async quick(): Promise<string> {
    return 'quick';
  }

  @Activity({ defaultTaskStartToCloseTimeout: 60 })
  async throwValue(kind: string): Promise<never> {
    const values: Record<string, unknown> = {
      nullProto: Object.assign(Object.create(null) as object, { why: 'no prototype' }),
      object: { code: 42 },
      string: 'plain string',
      undefined: undefined,
    };
    throw values[kind];
  }
}

const DOMAIN = 'activity-faults-spec';

describe('ActivityWorker under faults', () => {
  let service: LocalSwfService;
  let swf: SWFClient;
  let worker: ActivityWorker;
  let logger: RecordingLogger;
  let manual: ManualExecutions;

  before(async () => {
    service = new LocalSwfService();
    swf = service.client();
    manual = new ManualExecutions(swf, DOMAIN);
    await manual.register();
    const registry = new TypeRegistry({ activities: [FaultActivities] });
    for (const definition of registry.activities) await registerActivityType(swf, DOMAIN, definition, 'faults');
    logger = new RecordingLogger();
    // One slot: a hung activity that kept it would stop the worker.
    worker = new ActivityWorker(swf, registry, container.createChildContainer(), {
      domain: DOMAIN,
      taskLists: ['faults'],
      identity: 'spec',
      concurrency: 1,
      logger,
    });
    worker.start();
  });

  after(async () => {
    hung.release();
    await worker.close(1000);
    await service.close();
  });

  const start = () => manual.start();
  const decide = (execution: { workflowId: string }, decisions: Decision[]) => manual.decide(execution, decisions);
  const waitFor = (execution: ExecutionIds, type: string, count = 1) => manual.waitFor(execution, type, count);

  const schedule = (activityId: string, name: string, input?: string): Decision => ({
    decisionType: 'ScheduleActivityTask',
    scheduleActivityTaskDecisionAttributes: { activityId, activityType: { name, version: '1' }, taskList: { name: 'faults' }, input },
  });

  it('frees the slot of an activity that hangs past its start-to-close timeout, aborts its signal, logs one line and drops its late result', async function () {
    this.timeout(15_000);
    const execution = await start();
    await decide(execution, [schedule('h1', 'faults.hang')]);
    await waitFor(execution, 'ActivityTaskTimedOut');
    await decide(execution, [schedule('q1', 'faults.quick')]);
    const events = await waitFor(execution, 'ActivityTaskCompleted');
    expect(events.find((e) => e.eventType === 'ActivityTaskCompleted')!.activityTaskCompletedEventAttributes!.result).to.equal('"quick"');
    expect(hung.aborted).to.equal(true);
    const lines = logger.lines.filter((l) => l.message.includes('abandoned'));
    expect(lines).to.have.length(1);
    expect(lines[0].level).to.equal('warn');
    expect(lines[0].fields).to.include({ activity: 'faults.hang 1', activityId: 'h1', workflowId: execution.workflowId });
    hung.release();
    await delay(50);
    expect(logger.lines.filter((l) => l.message.includes('not accepted'))).to.deep.equal([]);
  });

  it('aborts an activity whose heartbeat timeout passed and frees its slot', async function () {
    this.timeout(15_000);
    const execution = await start();
    await decide(execution, [schedule('s1', 'faults.silent')]);
    const timedOut = await waitFor(execution, 'ActivityTaskTimedOut');
    expect(timedOut.find((e) => e.eventType === 'ActivityTaskTimedOut')!.activityTaskTimedOutEventAttributes!.timeoutType).to.equal(
      'HEARTBEAT',
    );
    await decide(execution, [schedule('q1', 'faults.quick')]);
    await waitFor(execution, 'ActivityTaskCompleted');
    expect(logger.lines.filter((l) => l.message.includes('abandoned') && l.fields?.activityId === 's1')).to.have.length(1);
  });

  const thrown: Array<[string, string, string | undefined]> = [
    ['nullProto', 'an object without a prototype', '{"why":"no prototype"}'],
    ['object', 'a plain object', '{"code":42}'],
    ['string', 'a string', '"plain string"'],
    ['undefined', 'undefined', undefined],
  ];
  for (const [kind, what, details] of thrown) {
    it(`answers a task whose activity throws ${what}, with the value as JSON details`, async () => {
      const execution = await start();
      await decide(execution, [schedule('t1', 'faults.throwValue', JSON.stringify(kind))]);
      const events = await waitFor(execution, 'ActivityTaskFailed');
      const failed = events.find((e) => e.eventType === 'ActivityTaskFailed')!.activityTaskFailedEventAttributes!;
      expect(failed.reason).to.equal(
        `NonErrorThrown: FaultActivities.throwValue threw ${kind === 'nullProto' ? 'object' : kind} instead of an Error`,
      );
      expect(failed.details).to.equal(details);
    });
  }
});
