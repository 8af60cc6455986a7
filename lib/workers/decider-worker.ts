import {
  GetWorkflowExecutionHistoryCommand,
  PollForDecisionTaskCommand,
  RespondDecisionTaskCompletedCommand,
  type DecisionTask,
  type HistoryEvent,
  type SWFClient,
} from '@aws-sdk/client-swf';
import type { DependencyContainer } from 'tsyringe';
import { ExecutionOutOfSyncError, NondeterminismError, WorkflowExecution, type DecisionResult, type WorkflowFactory } from '../engine';
import { InterceptorSet } from '../interceptors/interceptor-set';
import type { DecisionTaskReport } from '../interceptors/worker-interceptor.types';
import type { Logger } from '../logging/logger';
import type { TypeRegistry } from '../metadata/type-registry';
import type { WorkflowDefinition } from '../metadata/workflow-definition';
import { MAX_PAYLOAD_LENGTH as MAX_DETAILS_LENGTH, MAX_REASON_LENGTH, truncateOptional as truncate } from '../swf';
import { PollLoop, describeError } from './poll-loop';
import { registerWorkflowType } from './register-types';
import { ExecutionCache } from './execution-cache';
import { ExecutionTags } from './execution-tags';
import { decisionTaskInfo } from './task-info';
import { Slots } from './slots';
import { containerWorkflowFactory } from './workflow-factory';

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
  /**
   * A workflow that waits on nothing that can settle (no open call, timer or signal wait):
   * `'log'` (default) logs one error naming it and where it waits; `'fail-workflow'` also fails it.
   */
  onStuck?: 'log' | 'fail-workflow';
  /** A URL where a person can watch an execution, logged when the decider first sees it. */
  watchUrl?: (workflowId: string, runId: string) => string | undefined;
  /** Register the served workflow types on start (default true). */
  registerTypes?: boolean;
  /** Running executions kept between decision tasks (default 1000; 0 replays every task in full). */
  cacheSize?: number;
  /** Worker interceptors and observers (metrics, tracing) around each decision task and poll. */
  interceptors?: InterceptorSet;
}

/** A decision task as polled: `complete` is false when only the pages newer than a kept execution were read. */
interface PolledTask {
  task: DecisionTask;
  complete: boolean;
}

/**
 * Long-polls decision tasks, merges every history page, replays the workflow
 * with the engine and responds with its decisions. It keeps no state that
 * matters: kill it at any moment and executions carry on with the next one.
 */
export class DeciderWorker {
  private readonly loop: PollLoop<PolledTask>;
  private readonly seen = new Set<string>();
  private readonly createWorkflow: WorkflowFactory;
  readonly cache: ExecutionCache;

  constructor(
    private readonly swf: SWFClient,
    private readonly registry: TypeRegistry,
    container: DependencyContainer,
    private readonly options: DeciderWorkerOptions,
  ) {
    this.createWorkflow = containerWorkflowFactory(container);
    this.cache = new ExecutionCache(options.cacheSize ?? 1000);
    const interceptors = options.interceptors ?? InterceptorSet.none;
    const tags = new ExecutionTags(swf, options.domain);
    this.loop = new PollLoop<PolledTask>({
      name: 'decider',
      logger: options.logger,
      slots: new Slots(options.concurrency ?? 2),
      poll: interceptors.observePolls('decider', options.taskList, (signal) => this.poll(signal)),
      handle: async ({ task, complete }) => {
        await interceptors.decisionTask(decisionTaskInfo(task, options.taskList, tags), () => this.handle(task, complete));
      },
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

  /**
   * One decision task, pages read newest first: with a kept execution of the
   * run, only the pages after its last decision task are read; otherwise all
   * of them. Events are returned in order either way.
   */
  private async poll(signal: AbortSignal): Promise<PolledTask | undefined> {
    const request = {
      domain: this.options.domain,
      taskList: { name: this.options.taskList },
      identity: this.options.identity,
      maximumPageSize: 1000,
      reverseOrder: true,
    };
    const first = await this.swf.send(new PollForDecisionTaskCommand(request), { abortSignal: signal });
    if (!first.taskToken) return undefined;
    const kept = this.cache.peek(first.workflowExecution?.runId ?? '');
    const since = kept?.canContinue(first) ? (first.previousStartedEventId ?? 0) : undefined;
    const events: HistoryEvent[] = [...(first.events ?? [])];
    let nextPageToken = first.nextPageToken;
    while (nextPageToken && (since === undefined || (events.at(-1)?.eventId ?? 0) > since)) {
      const page = await this.swf.send(new PollForDecisionTaskCommand({ ...request, nextPageToken }), { abortSignal: signal });
      events.push(...(page.events ?? []));
      nextPageToken = page.nextPageToken;
    }
    events.reverse();
    return { task: { ...first, events, nextPageToken: undefined }, complete: nextPageToken === undefined };
  }

  /** Every event of the task's execution up to its DecisionTaskStarted, for a full replay after a partial poll. */
  private async fullHistory(task: DecisionTask): Promise<DecisionTask> {
    const events: HistoryEvent[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await this.swf.send(
        new GetWorkflowExecutionHistoryCommand({
          domain: this.options.domain,
          execution: task.workflowExecution,
          maximumPageSize: 1000,
          nextPageToken,
        }),
      );
      events.push(...(page.events ?? []));
      nextPageToken = page.nextPageToken;
    } while (nextPageToken && (events.at(-1)?.eventId ?? 0) < (task.startedEventId ?? 0));
    return { ...task, events: events.filter((e) => (e.eventId ?? 0) <= (task.startedEventId ?? 0)) };
  }

  /** Continues the kept execution when it can, else replays the whole history; keeps the execution while it runs. */
  private async decide(
    task: DecisionTask,
    complete: boolean,
    definition: WorkflowDefinition,
    report: DecisionTaskReport,
  ): Promise<DecisionResult> {
    const { workflowId = '', runId = '' } = task.workflowExecution ?? {};
    const kept = this.cache.take(runId);
    let execution = kept?.canContinue(task) ? kept : undefined;
    let input = task;
    report.cache = execution ? 'hit' : 'miss';
    if (!execution) {
      execution = WorkflowExecution.start(definition, {
        workflowId,
        runId,
        createWorkflow: this.createWorkflow,
        onStuck: this.options.onStuck,
      });
      if (!complete) input = await this.fullHistory(task);
      report.eventsFetched += input === task ? 0 : (input.events?.length ?? 0);
    }
    let result: DecisionResult;
    try {
      result = await execution.decide(input);
    } catch (error) {
      if (!(error instanceof ExecutionOutOfSyncError) || execution !== kept) throw error;
      // The kept execution and SWF disagree on what came before: start over from the whole history.
      this.options.logger.warn('kept execution out of sync; replaying in full', { workflowId, runId, error: error.message });
      execution = WorkflowExecution.start(definition, {
        workflowId,
        runId,
        createWorkflow: this.createWorkflow,
        onStuck: this.options.onStuck,
      });
      report.cache = 'miss';
      result = await execution.decide(complete ? task : await this.fullHistory(task));
    }
    report.eventsReplayed = result.eventsReplayed;
    if (result.status === 'open') this.cache.put(execution);
    return result;
  }

  /** Decides one task and responds; on errors it logs one line and leaves the task to time out. Never throws. */
  async handle(task: DecisionTask, complete = true): Promise<DecisionTaskReport> {
    const report: DecisionTaskReport = { outcome: 'completed', eventsFetched: task.events?.length ?? 0 };
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
      return { ...report, outcome: 'unknown-type' };
    }
    let decisions;
    let executionContext: string | undefined;
    try {
      let stuck: string | undefined;
      ({ decisions, executionContext, stuck } = await this.decide(task, complete, definition, report));
      if (stuck !== undefined) {
        const failing = this.options.onStuck === 'fail-workflow';
        log.error(`workflow waits on nothing that can settle${failing ? '; failing it' : ''}`, { ...fields, where: stuck });
      }
    } catch (error) {
      if (error instanceof NondeterminismError && this.options.onNondeterminism === 'fail-workflow') {
        log.error('nondeterminism: failing the execution', { ...fields, error: error.message });
        report.outcome = 'failed-workflow';
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
        return { ...report, outcome: error instanceof NondeterminismError ? 'nondeterminism' : 'error' };
      }
    }
    report.decisions = decisions.length;
    try {
      await this.swf.send(new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions, executionContext }));
      log.debug('decision task completed', { ...fields, decisions: decisions.map((d) => d.decisionType).join(',') });
    } catch (error) {
      log.warn('RespondDecisionTaskCompleted was not accepted', { ...fields, error: describeError(error) });
      return { ...report, outcome: 'not-accepted' };
    }
    return report;
  }
}
