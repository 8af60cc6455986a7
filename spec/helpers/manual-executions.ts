import {
  GetWorkflowExecutionHistoryCommand,
  PollForDecisionTaskCommand,
  RegisterWorkflowTypeCommand,
  RespondDecisionTaskCompletedCommand,
  StartWorkflowExecutionCommand,
  type Decision,
  type HistoryEvent,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { setTimeout as delay } from 'node:timers/promises';
import { registerDomain } from '../../lib/workers/register-types';

export interface ExecutionIds {
  workflowId: string;
  runId: string;
}

/**
 * Executions of a workflow type nobody implements, decided by hand: for specs
 * of workers and the client, which must not depend on the engine. Each
 * execution decides on its own task list, so a spec answers only its own tasks.
 */
export class ManualExecutions {
  private counter = 0;

  constructor(
    private readonly swf: SWFClient,
    readonly domain: string,
  ) {}

  async register(): Promise<void> {
    await registerDomain(this.swf, this.domain);
    await this.swf.send(
      new RegisterWorkflowTypeCommand({
        domain: this.domain,
        name: 'Manual',
        version: '1',
        defaultTaskList: { name: 'manual' },
        defaultTaskStartToCloseTimeout: '60',
        defaultExecutionStartToCloseTimeout: '600',
        defaultChildPolicy: 'TERMINATE',
      }),
    );
  }

  async start(): Promise<ExecutionIds> {
    const workflowId = `manual-${++this.counter}`;
    const { runId } = await this.swf.send(
      new StartWorkflowExecutionCommand({
        domain: this.domain,
        workflowId,
        workflowType: { name: 'Manual', version: '1' },
        taskList: { name: workflowId },
      }),
    );
    return { workflowId, runId: runId! };
  }

  async decide(execution: { workflowId: string }, decisions: Decision[]): Promise<void> {
    const task = await this.swf.send(new PollForDecisionTaskCommand({ domain: this.domain, taskList: { name: execution.workflowId } }));
    if (!task.taskToken) throw new Error(`no decision task for ${execution.workflowId}`);
    await this.swf.send(new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions }));
  }

  async history(execution: ExecutionIds): Promise<HistoryEvent[]> {
    const { events = [] } = await this.swf.send(new GetWorkflowExecutionHistoryCommand({ domain: this.domain, execution }));
    return events;
  }

  /** The history once it holds `count` events of `type`. */
  async waitFor(execution: ExecutionIds, type: string, count = 1): Promise<HistoryEvent[]> {
    for (let i = 0; i < 500; i++) {
      const events = await this.history(execution);
      if (events.filter((e) => e.eventType === type).length >= count) return events;
      await delay(10);
    }
    throw new Error(`no ${type} in ${execution.workflowId}`);
  }
}

export const scheduleActivity = (activityId: string, name: string, taskList: string, heartbeatTimeout?: string): Decision => ({
  decisionType: 'ScheduleActivityTask',
  scheduleActivityTaskDecisionAttributes: {
    activityId,
    activityType: { name, version: '1' },
    taskList: { name: taskList },
    heartbeatTimeout,
  },
});
