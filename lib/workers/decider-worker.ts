import {
  PollForDecisionTaskCommand,
  RespondDecisionTaskCompletedCommand,
  type DecisionTask,
  type HistoryEvent,
  type SWFClient,
} from '@aws-sdk/client-swf';
import type { DependencyContainer } from 'tsyringe';
import { NondeterminismError, decide } from '../engine';
import type { Logger } from '../logging/logger';
import type { TypeRegistry } from '../metadata/type-registry';
import { MAX_DETAILS_LENGTH, MAX_REASON_LENGTH, truncate } from './limits';
import { PollLoop, describeError } from './poll-loop';
import { registerWorkflowType } from './register-types';
import { Slots } from './slots';

export interface DeciderWorkerOptions {
  domain: string;
  taskList: string;
  identity: string;
  logger: Logger;
  /** Decision tasks handled at once (default 2); SWF never gives two for one execution at a time. */
  concurrency?: number;
  /**
   * On a nondeterminism error: `'retry'` (default) sends no response, so the
   * task times out and SWF retries it (deploy a fix meanwhile); `'fail-workflow'`
   * fails the execution.
   */
  onNondeterminism?: 'retry' | 'fail-workflow';
  /** A URL where a person can watch an execution, logged when the decider first sees it. */
  watchUrl?: (workflowId: string, runId: string) => string | undefined;
  /** Register the served workflow types on start (default true). */
  registerTypes?: boolean;
}

/**
 * Long-polls decision tasks, merges every history page, replays the workflow
 * with the engine and responds with its decisions. It keeps no state that
 * matters: kill it at any moment and executions carry on with the next one.
 */
export class DeciderWorker {
  private readonly loop: PollLoop<DecisionTask>;
  private readonly seen = new Set<string>();

  constructor(
    private readonly swf: SWFClient,
    private readonly registry: TypeRegistry,
    private readonly container: DependencyContainer,
    private readonly options: DeciderWorkerOptions,
  ) {
    this.loop = new PollLoop<DecisionTask>({
      name: 'decider',
      logger: options.logger,
      slots: new Slots(options.concurrency ?? 2),
      poll: (signal) => this.poll(signal),
      handle: (task) => this.handle(task),
    });
  }

  async start(): Promise<void> {
    if (this.options.registerTypes !== false) {
      for (const definition of this.registry.workflows) {
        await registerWorkflowType(this.swf, this.options.domain, definition, this.options.taskList);
      }
    }
    this.loop.start();
    this.options.logger.info('decider polling', {
      domain: this.options.domain,
      taskList: this.options.taskList,
      workflows: this.registry.workflows.map((w) => `${w.name}@${w.version}`).join(','),
    });
  }

  async close(timeoutMs?: number): Promise<void> {
    await this.loop.stop(timeoutMs);
  }

  /** One decision task with all its history pages merged, or undefined when the poll returned none. */
  private async poll(signal: AbortSignal): Promise<DecisionTask | undefined> {
    const request = {
      domain: this.options.domain,
      taskList: { name: this.options.taskList },
      identity: this.options.identity,
      maximumPageSize: 1000,
    };
    const first = await this.swf.send(new PollForDecisionTaskCommand(request), { abortSignal: signal });
    if (!first.taskToken) return undefined;
    const events: HistoryEvent[] = [...(first.events ?? [])];
    let nextPageToken = first.nextPageToken;
    while (nextPageToken) {
      const page = await this.swf.send(new PollForDecisionTaskCommand({ ...request, nextPageToken }), { abortSignal: signal });
      events.push(...(page.events ?? []));
      nextPageToken = page.nextPageToken;
    }
    return { ...first, events, nextPageToken: undefined };
  }

  /** Decides one task and responds; on errors it logs one line and leaves the task to time out. Never throws. */
  async handle(task: DecisionTask): Promise<void> {
    const { workflowId = '', runId = '' } = task.workflowExecution ?? {};
    const type = `${task.workflowType?.name} ${task.workflowType?.version}`;
    const fields = { domain: this.options.domain, taskList: this.options.taskList, workflowId, runId, workflowType: type };
    const log = this.options.logger;
    if (!this.seen.has(runId)) {
      this.seen.add(runId);
      if (this.seen.size > 10_000) this.seen.delete(this.seen.values().next().value!);
      const url = this.options.watchUrl?.(workflowId, runId);
      log.info('new execution', url ? { ...fields, watch: url } : fields);
    }
    const definition = this.registry.findWorkflow({ name: task.workflowType?.name ?? '', version: task.workflowType?.version ?? '' });
    if (!definition) {
      log.error('decision task for a workflow type this decider does not serve; leaving it to time out', {
        ...fields,
        serves: this.registry.workflows.map((w) => `${w.name} ${w.version}`).join(', '),
      });
      return;
    }
    let decisions;
    let executionContext: string | undefined;
    try {
      ({ decisions, executionContext } = await decide(definition.target, task, { container: this.container }));
    } catch (error) {
      if (error instanceof NondeterminismError && this.options.onNondeterminism === 'fail-workflow') {
        log.error('nondeterminism: failing the execution', { ...fields, error: error.message });
        decisions = [
          {
            decisionType: 'FailWorkflowExecution' as const,
            failWorkflowExecutionDecisionAttributes: {
              reason: truncate(`NondeterminismError: ${error.message}`, MAX_REASON_LENGTH),
              details: truncate(error.stack, MAX_DETAILS_LENGTH),
            },
          },
        ];
      } else {
        const kind = error instanceof NondeterminismError ? 'nondeterminism' : 'engine error';
        log.error(`${kind}: no decisions sent; the task will time out and SWF will retry it`, {
          ...fields,
          startedEventId: task.startedEventId,
          error: describeError(error),
        });
        return;
      }
    }
    try {
      await this.swf.send(new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions, executionContext }));
      log.debug('decision task completed', { ...fields, decisions: decisions.map((d) => d.decisionType).join(',') });
    } catch (error) {
      log.warn('RespondDecisionTaskCompleted was not accepted', { ...fields, error: describeError(error) });
    }
  }
}
