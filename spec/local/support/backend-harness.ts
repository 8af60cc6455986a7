import type { Decision, DecisionTask, HistoryEvent } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { InProcessLambdaInvoker } from '../../../lib/local/lambda/in-process-lambda-invoker';
import { ManualClock } from '../../../lib/local/manual-clock';
import { LocalSwfBackend, type LocalSwfBackendOptions } from '../../../lib/local/swf-backend';
import { SwfFault } from '../../../lib/local/swf-fault';
import type { Wire } from '../../../lib/local/wire';

export const DOMAIN = 'spec-domain';
export const DECISIONS = 'deciders';
export const ACTIVITIES = 'workers';
export const ROLE = 'arn:aws:iam::000000000000:role/swf-lambda';

export type WireDecisionTask = Wire<DecisionTask>;
export type WireEvent = Wire<HistoryEvent>;

/** A backend on a manual clock with a domain, a workflow type and an activity type registered. */
export class Harness {
  readonly clock: ManualClock;
  readonly lambdas = new InProcessLambdaInvoker();
  readonly backend: LocalSwfBackend;

  /** `clock` may be handed on, so a restarted backend goes on in the same time. */
  constructor(options: Omit<LocalSwfBackendOptions, 'clock'> & { clock?: ManualClock } = {}) {
    this.clock = options.clock ?? new ManualClock();
    this.backend = new LocalSwfBackend({ lambdaInvoker: this.lambdas, longPollTimeoutMs: 60000, ...options, clock: this.clock });
  }

  static async create(options: ConstructorParameters<typeof Harness>[0] = {}): Promise<Harness> {
    const h = new Harness(options);
    await h.call('RegisterDomain', { name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
    await h.call('RegisterWorkflowType', {
      domain: DOMAIN,
      name: 'Flow',
      version: '1',
      defaultTaskList: { name: DECISIONS },
      defaultTaskStartToCloseTimeout: '30',
      defaultExecutionStartToCloseTimeout: '3600',
      defaultChildPolicy: 'TERMINATE',
    });
    await h.call('RegisterActivityType', {
      domain: DOMAIN,
      name: 'Work',
      version: '1',
      defaultTaskList: { name: ACTIVITIES },
      defaultTaskScheduleToStartTimeout: '100',
      defaultTaskScheduleToCloseTimeout: '600',
      defaultTaskStartToCloseTimeout: '300',
      defaultTaskHeartbeatTimeout: 'NONE',
    });
    return h;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call(action: string, input: unknown): Promise<any> {
    return this.backend.dispatch(action, input);
  }

  async start(workflowId = 'wf-1', extra: Record<string, unknown> = {}): Promise<string> {
    const { runId } = await this.call('StartWorkflowExecution', {
      domain: DOMAIN,
      workflowId,
      workflowType: { name: 'Flow', version: '1' },
      ...extra,
    });
    return runId;
  }

  /** Polls the decision list; the task must be there already (no waiting on the manual clock). */
  async decisionTask(taskList = DECISIONS, extra: Record<string, unknown> = {}): Promise<WireDecisionTask> {
    const task = await this.call('PollForDecisionTask', { domain: DOMAIN, taskList: { name: taskList }, identity: 'decider', ...extra });
    expect(task.taskToken, 'a decision task should be ready').to.be.a('string');
    return task;
  }

  async decide(task: WireDecisionTask, decisions: Decision[], extra: Record<string, unknown> = {}): Promise<void> {
    await this.call('RespondDecisionTaskCompleted', { taskToken: task.taskToken, decisions, ...extra });
  }

  async activityTask(taskList = ACTIVITIES) {
    const task = await this.call('PollForActivityTask', { domain: DOMAIN, taskList: { name: taskList }, identity: 'worker' });
    expect(task.taskToken, 'an activity task should be ready').to.be.a('string');
    return task;
  }

  /** The whole history, all pages. */
  async history(workflowId: string, runId: string): Promise<WireEvent[]> {
    const events: WireEvent[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await this.call('GetWorkflowExecutionHistory', { domain: DOMAIN, execution: { workflowId, runId }, nextPageToken });
      events.push(...page.events);
      nextPageToken = page.nextPageToken;
    } while (nextPageToken);
    return events;
  }

  async eventTypes(workflowId: string, runId: string): Promise<string[]> {
    return (await this.history(workflowId, runId)).map((e) => e.eventType!);
  }

  async describe(workflowId: string, runId: string) {
    return this.call('DescribeWorkflowExecution', { domain: DOMAIN, execution: { workflowId, runId } });
  }
}

export function scheduleActivity(activityId: string, extra: Record<string, unknown> = {}): Decision {
  return {
    decisionType: 'ScheduleActivityTask',
    scheduleActivityTaskDecisionAttributes: { activityType: { name: 'Work', version: '1' }, activityId, input: '"in"', ...extra },
  };
}

export const complete = (result?: string): Decision => ({
  decisionType: 'CompleteWorkflowExecution',
  completeWorkflowExecutionDecisionAttributes: { result },
});

/** Awaits a rejected dispatch and returns its fault, failing when it resolves or throws something else. */
export async function faultOf(promise: Promise<unknown>): Promise<SwfFault> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(SwfFault);
    return error as SwfFault;
  }
  expect.fail('expected the call to fail with an SwfFault');
}

export function last(events: WireEvent[], eventType: string): WireEvent {
  const found = [...events].reverse().find((e) => e.eventType === eventType);
  expect(found, `no ${eventType} in ${events.map((e) => e.eventType).join(', ')}`).to.exist;
  return found!;
}
