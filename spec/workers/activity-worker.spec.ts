import 'reflect-metadata';
import { expect } from 'chai';
import {
  GetWorkflowExecutionHistoryCommand,
  PollForDecisionTaskCommand,
  RegisterActivityTypeCommand,
  RegisterWorkflowTypeCommand,
  RespondDecisionTaskCompletedCommand,
  SignalWorkflowExecutionCommand,
  StartWorkflowExecutionCommand,
  type Decision,
  type HistoryEvent,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { setTimeout as delay } from 'node:timers/promises';
import { container } from 'tsyringe';
import { Activities, Activity, ActivityContext } from '../../index';
import { ActivityWorker } from '../../lib/workers';
import { TypeRegistry } from '../../lib/metadata';
import { LocalSwfService } from '../../lib/local';
import { registerActivityType, registerDomain } from '../../lib/workers/register-types';
import { RecordingLogger } from '../helpers/quiet-logger';

let running = 0;
let mostAtOnce = 0;

@Activities({ version: '1', prefix: 'spec', defaultTaskList: 'acts', defaultTaskHeartbeatTimeout: 5 })
class SpecActivities {
  @Activity()
  async whoAmI(_input: void, context: ActivityContext): Promise<unknown> {
    return {
      activityId: context.activityId,
      workflowId: context.workflowExecution.workflowId,
      attempt: context.attempt,
      type: context.activityType,
    };
  }

  @Activity()
  async untilCancelled(_input: void, context: ActivityContext): Promise<string> {
    for (let beat = 0; beat < 500; beat++) {
      await context.heartbeat({ beat });
      await delay(10);
    }
    return 'never cancelled';
  }

  @Activity()
  async huge(): Promise<string> {
    return 'x'.repeat(40_000);
  }

  @Activity()
  async busy(): Promise<void> {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    await delay(40);
    running -= 1;
  }
}

const DOMAIN = 'activity-spec';

describe('ActivityWorker', () => {
  let service: LocalSwfService;
  let swf: SWFClient;
  let worker: ActivityWorker;
  let counter = 0;

  before(async () => {
    service = new LocalSwfService();
    swf = service.client();
    await registerDomain(swf, DOMAIN);
    await swf.send(
      new RegisterWorkflowTypeCommand({
        domain: DOMAIN,
        name: 'Manual',
        version: '1',
        defaultTaskList: { name: 'manual' },
        defaultTaskStartToCloseTimeout: '60',
        defaultExecutionStartToCloseTimeout: '600',
        defaultChildPolicy: 'TERMINATE',
      }),
    );
    const registry = new TypeRegistry({ activities: [SpecActivities] });
    for (const definition of registry.activities) await registerActivityType(swf, DOMAIN, definition, 'acts');
    await swf.send(
      new RegisterActivityTypeCommand({
        domain: DOMAIN,
        name: 'spec.stranger',
        version: '1',
        defaultTaskList: { name: 'acts' },
        defaultTaskScheduleToStartTimeout: 'NONE',
        defaultTaskStartToCloseTimeout: '60',
        defaultTaskScheduleToCloseTimeout: 'NONE',
        defaultTaskHeartbeatTimeout: 'NONE',
      }),
    );
    worker = new ActivityWorker(swf, registry, container.createChildContainer(), {
      domain: DOMAIN,
      taskLists: ['acts'],
      identity: 'spec',
      concurrency: 2,
      logger: new RecordingLogger(),
    });
    worker.start();
  });

  after(async () => {
    await worker.close(1000);
    await service.close();
  });

  /** Starts an execution and answers its decision tasks by hand: these specs test the worker, not the engine. */
  async function start(): Promise<{ workflowId: string; runId: string }> {
    const workflowId = `manual-${++counter}`;
    const { runId } = await swf.send(
      new StartWorkflowExecutionCommand({
        domain: DOMAIN,
        workflowId,
        workflowType: { name: 'Manual', version: '1' },
        taskList: { name: workflowId },
      }),
    );
    return { workflowId, runId: runId! };
  }

  /** Each execution decides on its own task list, so a spec answers only its own decision tasks. */
  async function decide(execution: { workflowId: string }, decisions: Decision[]): Promise<void> {
    const task = await swf.send(new PollForDecisionTaskCommand({ domain: DOMAIN, taskList: { name: execution.workflowId } }));
    await swf.send(new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions }));
  }

  const schedule = (activityId: string, name: string): Decision => ({
    decisionType: 'ScheduleActivityTask',
    scheduleActivityTaskDecisionAttributes: { activityId, activityType: { name, version: '1' }, taskList: { name: 'acts' } },
  });

  async function waitFor(execution: { workflowId: string; runId: string }, type: string, count = 1): Promise<HistoryEvent[]> {
    for (let i = 0; i < 300; i++) {
      const { events = [] } = await swf.send(new GetWorkflowExecutionHistoryCommand({ domain: DOMAIN, execution }));
      if (events.filter((e) => e.eventType === type).length >= count) return events;
      await delay(10);
    }
    throw new Error(`no ${type} in ${execution.workflowId}`);
  }

  it('gives the method its context: activity id, workflow execution, type and attempt', async () => {
    const execution = await start();
    await decide(execution, [schedule('a1', 'spec.whoAmI')]);
    const events = await waitFor(execution, 'ActivityTaskCompleted');
    const result = JSON.parse(events.find((e) => e.eventType === 'ActivityTaskCompleted')!.activityTaskCompletedEventAttributes!.result!);
    expect(result).to.deep.equal({
      activityId: 'a1',
      workflowId: execution.workflowId,
      attempt: 1,
      type: { name: 'spec.whoAmI', version: '1' },
    });
  });

  it('fires the abort signal when cancellation is requested, and responds canceled', async () => {
    const execution = await start();
    await decide(execution, [schedule('a1', 'spec.untilCancelled')]);
    await waitFor(execution, 'ActivityTaskStarted');
    // A signal gives the workflow a decision task to request the cancellation in.
    await swf.send(new SignalWorkflowExecutionCommand({ domain: DOMAIN, ...execution, signalName: 'stop' }));
    await decide(execution, [
      { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'a1' } },
    ]);
    const events = await waitFor(execution, 'ActivityTaskCanceled');
    expect(events.map((e) => e.eventType)).to.include('ActivityTaskCancelRequested');
  });

  it('fails a task of an activity type it does not serve, saying so', async () => {
    const execution = await start();
    await decide(execution, [schedule('a1', 'spec.stranger')]);
    const events = await waitFor(execution, 'ActivityTaskFailed');
    const failed = events.find((e) => e.eventType === 'ActivityTaskFailed')!.activityTaskFailedEventAttributes!;
    expect(failed.reason).to.equal('UnknownActivityType');
    expect(failed.details).to.equal('This worker has no @Activity for spec.stranger 1 on task list acts.');
  });

  it('fails a result SWF could not carry instead of losing it', async () => {
    const execution = await start();
    await decide(execution, [schedule('a1', 'spec.huge')]);
    const events = await waitFor(execution, 'ActivityTaskFailed');
    const failed = events.find((e) => e.eventType === 'ActivityTaskFailed')!.activityTaskFailedEventAttributes!;
    expect(failed.reason).to.equal('ResultTooLarge');
    expect(failed.details).to.equal(
      'The result of SpecActivities.huge is 40002 characters of JSON; SWF accepts at most 32768. Pass a reference (e.g. an S3 key) instead of the data.',
    );
  });

  it('runs no more tasks at once than its concurrency', async () => {
    const execution = await start();
    await decide(
      execution,
      ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => schedule(id, 'spec.busy')),
    );
    await waitFor(execution, 'ActivityTaskCompleted', 6);
    expect(mostAtOnce).to.equal(2);
  });
});
