import { RespondDecisionTaskCompletedCommand, type DecisionTask, type SWFClient } from '@aws-sdk/client-swf';
import type { DependencyContainer } from 'tsyringe';
import { NondeterminismError, WorkflowExecution, type DecisionResult, type WorkflowFactory } from '../engine';
import type { Logger } from '../logging/logger';
import type { TypeRegistry } from '../metadata/type-registry';
import type { WorkflowDefinition } from '../metadata/workflow-definition';
import { MAX_PAYLOAD_LENGTH as MAX_DETAILS_LENGTH, MAX_REASON_LENGTH, truncateOptional as truncate } from '../swf';
import { retryTransient } from './retry-transient';
import { PollLoop, describeError } from './poll-loop';
import { registerWorkflowType } from './register-types';
import { DecisionHistory, type HistoryReadStats } from './decision-history';
import { ExecutionCache } from './execution-cache';
import { retainedBytes } from './retained-size';
import { Slots } from './slots';
import { containerWorkflowFactory } from './workflow-factory';
import { validateSignalInput } from './signal-input';

export interface DeciderWorkerOptions {
  domain: string;
  taskList: string;
  identity: string;
  logger: Logger;
  /** Decision tasks handled at once (default {@link DEFAULT_DECIDER_CONCURRENCY}); SWF never gives two for one execution at a time. */
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
  /** Replay compares each recorded call's input with the code's too (see `ExecutionOptions.compareInputs`); default false. */
  compareInputs?: boolean;
  /** A URL where a person can watch an execution, logged when the decider first sees it. */
  watchUrl?: (workflowId: string, runId: string) => string | undefined;
  /** Register the served workflow types on start (default true). */
  registerTypes?: boolean;
  /** Running executions kept between decision tasks (default 1000; 0 replays every task in full). */
  cacheSize?: number;
  /** Estimated bytes the kept executions may hold together (default 256 MiB); the least recently used go first. */
  cacheBytes?: number;
  /**
   * How history pages are read: `json` (default) parses the decider's own
   * PollForDecisionTask and GetWorkflowExecutionHistory bodies with
   * `JSON.parse`, several times faster than the SDK's schema walk; `sdk`
   * keeps the SDK's deserialiser (for comparison, or a proxy that changes bodies).
   */
  historyPages?: 'json' | 'sdk';
}

/** Decision tasks at once by default: enough to overlap one task's round trips with another's replay on 2 cores. */
export const DEFAULT_DECIDER_CONCURRENCY = 4;
const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

/** A decision task's first page, and whether it was polled from the previous DecisionTaskStarted on. */
interface PolledTask {
  task: DecisionTask;
  fromPreviousStarted: boolean;
}

/**
 * Long-polls decision tasks, reads their history, replays the workflow with
 * the engine and responds with its decisions. A kept execution of the run
 * reads only the events since its last decision task; anything else reads
 * the whole history. It keeps no state that matters: kill it at any moment
 * and executions carry on with the next one.
 */
export class DeciderWorker {
  private readonly loop: PollLoop<PolledTask>;
  private readonly seen = new Set<string>();
  private readonly history: DecisionHistory;
  /** Tasks between their cache lookup and their decision: their executions come back to the cache. */
  private deciding = 0;
  private readonly createWorkflow: WorkflowFactory;
  readonly cache: ExecutionCache;

  constructor(
    private readonly swf: SWFClient,
    private readonly registry: TypeRegistry,
    container: DependencyContainer,
    private readonly options: DeciderWorkerOptions,
  ) {
    this.createWorkflow = containerWorkflowFactory(container);
    this.cache = new ExecutionCache(options.cacheSize ?? 1000, options.cacheBytes ?? DEFAULT_CACHE_BYTES);
    this.history = new DecisionHistory(swf, options);
    this.loop = new PollLoop<PolledTask>({
      name: 'decider',
      logger: options.logger,
      slots: new Slots(options.concurrency ?? DEFAULT_DECIDER_CONCURRENCY),
      poll: (signal) => this.poll(signal),
      handle: ({ task, fromPreviousStarted }) => this.handle(task, fromPreviousStarted),
    });
  }

  /** History read so far: pages polled or fetched and events received (the benchmarks print them). */
  get historyStats(): Readonly<HistoryReadStats> {
    return this.history.stats;
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
   * Only the new events are worth asking for while some execution is kept
   * or being decided (it goes back to the cache after): the task may be one
   * of those. With none, every task is a miss, so the poll itself brings the
   * whole history; a miss after a partial poll costs one history read more.
   */
  private async poll(signal: AbortSignal): Promise<PolledTask | undefined> {
    const fromPreviousStarted = this.cache.capacity > 0 && this.cache.size + this.deciding > 0;
    const task = await this.history.poll(signal, fromPreviousStarted);
    return task && { task, fromPreviousStarted };
  }

  /**
   * The one lookup of the cache for a task. A kept execution continues when
   * it decided the task before this one (`previousStartedEventId`) and the
   * polled pages reach back to its next event; otherwise the execution is
   * replayed from the whole history, read once.
   */
  private async decide(first: DecisionTask, fromPreviousStarted: boolean, definition: WorkflowDefinition): Promise<DecisionResult> {
    const { workflowId = '', runId = '' } = first.workflowExecution ?? {};
    const kept = this.cache.take(runId);
    const continues = kept !== undefined && kept.execution.canContinue(first) && reachesBack(first, kept.execution.lastStartedEventId + 1);
    const polledAll = !fromPreviousStarted || reachesBack(first, 1);
    this.deciding += 1;
    try {
      const task = continues || polledAll ? await this.history.restOfPoll(first, fromPreviousStarted) : await this.history.whole(first);
      const execution = continues
        ? kept.execution
        : WorkflowExecution.start(definition, {
            workflowId,
            runId,
            createWorkflow: this.createWorkflow,
            onStuck: this.options.onStuck,
            decodeSignal: validateSignalInput,
            compareInputs: this.options.compareInputs,
          });
      const result = await execution.decide(task);
      if (result.status === 'open') {
        const events = task.events ?? [];
        this.cache.put(
          execution,
          continues ? kept.bytes + retainedBytes(events, kept.execution.lastStartedEventId) : retainedBytes(events),
        );
      }
      return result;
    } finally {
      this.deciding -= 1;
    }
  }

  /** Decides one task and responds; on errors it logs one line and leaves the task to time out. Never throws. */
  async handle(task: DecisionTask, fromPreviousStarted = false): Promise<void> {
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
      let stuck: string | undefined;
      let warnings: readonly string[] | undefined;
      ({ decisions, executionContext, stuck, warnings } = await this.decide(task, fromPreviousStarted, definition));
      for (const warning of warnings ?? []) log.warn('signal skipped', { ...fields, reason: warning });
      if (stuck !== undefined) {
        const failing = this.options.onStuck === 'fail-workflow';
        log.error(`workflow waits on nothing that can settle${failing ? '; failing it' : ''}`, { ...fields, where: stuck });
      }
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
      await retryTransient(() =>
        this.swf.send(new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions, executionContext })),
      );
      log.debug('decision task completed', { ...fields, decisions: decisions.map((d) => d.decisionType).join(',') });
    } catch (error) {
      // UnknownResourceFault: the task timed out while it was decided; SWF has handed out its retry, which wins.
      if ((error as { name?: string }).name === 'UnknownResourceFault') {
        log.info('RespondDecisionTaskCompleted came too late: the task had already timed out', { ...fields, error: describeError(error) });
      } else log.warn('RespondDecisionTaskCompleted was not accepted', { ...fields, error: describeError(error) });
    }
  }
}

/** Whether the task's first page starts at or before event `eventId`, so nothing between is missing. */
function reachesBack(task: DecisionTask, eventId: number): boolean {
  const first = task.events?.[0]?.eventId;
  return first !== undefined && first <= eventId;
}
