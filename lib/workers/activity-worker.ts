import {
  PollForActivityTaskCommand,
  RespondActivityTaskCanceledCommand,
  RespondActivityTaskCompletedCommand,
  RespondActivityTaskFailedCommand,
  type ActivityTask,
  type SWFClient,
} from '@aws-sdk/client-swf';
import type { DependencyContainer } from 'tsyringe';
import type { ActivityTypeDefinition } from '../metadata/activity-definition';
import type { TypeRegistry } from '../metadata/type-registry';
import type { Logger } from '../logging/logger';
import { InterceptorSet } from '../interceptors/interceptor-set';
import type { ActivityTaskReport } from '../interceptors/worker-interceptor.types';
import { ActivityCancelledError, ActivityContext } from './activity-context';
import { attemptOf } from './activity-attempt';
import { ActivityDeadlines } from './activity-deadline';
import { failureOf } from './activity-failure';
import { decodeActivityInput } from './activity-input';
import {
  encodePayload,
  MAX_PAYLOAD_LENGTH as MAX_DETAILS_LENGTH,
  MAX_REASON_LENGTH,
  PayloadTooLargeError,
  truncateOptional as truncate,
} from '../swf';
import { isCompleteLater } from './complete-later';
import { PollLoop, describeError } from './poll-loop';
import { retryTransient } from './retry-transient';
import { Slots } from './slots';
import { ExecutionTags } from './execution-tags';
import { activityTaskInfo } from './task-info';

export interface ActivityWorkerOptions {
  domain: string;
  /** The task lists to poll; by default each activity type's default task list. */
  taskLists: string[];
  identity: string;
  /** How many activity tasks run at once, across all task lists (default 10). */
  concurrency?: number;
  logger: Logger;
  /** Activity and worker interceptors (metrics, tracing, your own) around each task and method call. */
  interceptors?: InterceptorSet;
}

/**
 * Polls activity tasks, runs each on the DI-managed instance of its class with
 * decoded (and, for DTO classes, validated) input, and responds completed,
 * failed or canceled.
 */
export class ActivityWorker {
  private readonly loops: PollLoop<ActivityTask>[];
  private readonly slots: Slots;
  private readonly deadlines: ActivityDeadlines;
  private readonly interceptors: InterceptorSet;
  private readonly tags: ExecutionTags;
  /** Aborted when shutdown gives up waiting: every task still running is abandoned. */
  private readonly shutdown = new AbortController();

  constructor(
    private readonly swf: SWFClient,
    private readonly registry: TypeRegistry,
    private readonly container: DependencyContainer,
    private readonly options: ActivityWorkerOptions,
  ) {
    this.slots = new Slots(options.concurrency ?? 10);
    this.deadlines = new ActivityDeadlines(swf, options.domain);
    this.interceptors = options.interceptors ?? InterceptorSet.none;
    this.tags = new ExecutionTags(swf, options.domain);
    this.loops = options.taskLists.map(
      (taskList) =>
        new PollLoop<ActivityTask>({
          name: `activities:${taskList}`,
          logger: options.logger,
          slots: this.slots,
          poll: this.interceptors.observePolls('activity', taskList, (signal) => this.poll(taskList, signal)),
          handle: async (task) => {
            const info = activityTaskInfo(task, taskList, attemptOf(task.activityId), this.tags);
            await this.interceptors.activityTask(info, () => this.run(task, taskList));
          },
        }),
    );
  }

  start(): void {
    for (const loop of this.loops) loop.start();
    this.options.logger.info('activity worker polling', {
      domain: this.options.domain,
      taskLists: this.options.taskLists.join(','),
      concurrency: this.slots.size,
    });
  }

  /**
   * Stops polling and waits up to `timeoutMs` for running activities; then
   * aborts the signals of those left (their tasks time out in SWF, as after a
   * crash, and their late results are dropped) and resolves.
   */
  async close(timeoutMs?: number): Promise<void> {
    const results = await Promise.all(this.loops.map((loop) => loop.stop(timeoutMs, () => this.shutdown.abort())));
    const unfinished = results.reduce((n, r) => n + r.unfinished, 0);
    if (unfinished > 0)
      this.options.logger.warn('activity worker stopped with tasks still running; aborted their signals', { unfinished, timeoutMs });
  }

  private async poll(taskList: string, signal: AbortSignal): Promise<ActivityTask | undefined> {
    const task = await this.swf.send(
      new PollForActivityTaskCommand({ domain: this.options.domain, taskList: { name: taskList }, identity: this.options.identity }),
      { abortSignal: signal },
    );
    return task.taskToken ? task : undefined;
  }

  /** Runs one task to a response; never throws. */
  async run(task: ActivityTask, taskList: string): Promise<ActivityTaskReport> {
    const execution = task.workflowExecution ?? { workflowId: undefined, runId: undefined };
    const fields = {
      domain: this.options.domain,
      taskList,
      workflowId: execution.workflowId,
      runId: execution.runId,
      activityId: task.activityId,
      activity: `${task.activityType?.name} ${task.activityType?.version}`,
    };
    const log = this.options.logger;
    const definition = this.registry.findActivity({ name: task.activityType?.name ?? '', version: task.activityType?.version ?? '' });
    if (!definition) {
      log.error('activity type not served by this worker', fields);
      return this.fail(
        task,
        'UnknownActivityType',
        `This worker has no @Activity for ${fields.activity} on task list ${taskList}.`,
        fields,
      );
    }
    const context = new ActivityContext(
      this.swf,
      task.taskToken!,
      task.activityId ?? '',
      task.activityType!,
      execution,
      attemptOf(task.activityId),
    );
    const watch = this.deadlines.watch(task, definition.defaults, context, this.shutdown.signal);
    const work = (async () => {
      const input = await decodeActivityInput(definition, task.input);
      const instance = this.container.resolve(definition.target) as Record<string, (input: unknown, context: ActivityContext) => unknown>;
      const call = { ...activityTaskInfo(task, taskList, context.attempt, this.tags), kind: 'activity' as const, input, context };
      return this.interceptors.activity(definition.target, call, (c) => Promise.resolve(instance[definition.method](c.input, c.context)));
    })();
    const outcome = await Promise.race([
      work.then(
        (result) => ({ result }),
        (error: unknown) => ({ error, threw: true as const }),
      ),
      watch.expired.then((why) => ({ abandoned: why })),
    ]).finally(() => watch.stop());
    if ('abandoned' in outcome) {
      // SWF has moved on (or the worker is going): answering would be refused, so the slot is freed now and a late result dropped.
      context.abandon(outcome.abandoned);
      log.warn(`activity ${fields.activity} abandoned: ${outcome.abandoned}; its signal is aborted and a late result will be dropped`, {
        ...fields,
        why: outcome.abandoned,
      });
      return { outcome: 'abandoned', reason: String(outcome.abandoned) };
    }
    if ('threw' in outcome) {
      const { error } = outcome;
      if (context.cancelRequested && (error instanceof ActivityCancelledError || isAbort(error))) {
        const accepted = await this.respond('RespondActivityTaskCanceled', fields, () =>
          this.swf.send(new RespondActivityTaskCanceledCommand({ taskToken: task.taskToken, details: 'cancelled by request' })),
        );
        log.info('activity cancelled', fields);
        return { outcome: accepted ? 'canceled' : 'not-accepted' };
      }
      const { reason, details } = failureOf(error, `${definition.target.name}.${definition.method}`);
      log.warn('activity failed', { ...fields, reason });
      return this.fail(task, reason, details, fields);
    }
    if (isCompleteLater(outcome.result)) {
      // The token's holder answers SWF; the task no longer occupies a slot here, nor holds up shutdown.
      log.debug('activity left open, to be completed later through its task token', fields);
      return { outcome: 'left-open' };
    }
    return this.complete(task, definition, outcome.result, fields);
  }

  private async complete(
    task: ActivityTask,
    definition: ActivityTypeDefinition,
    result: unknown,
    fields: Record<string, unknown>,
  ): Promise<ActivityTaskReport> {
    let json: string | undefined;
    try {
      json = encodePayload(result, `The result of ${definition.target.name}.${definition.method}`);
    } catch (error) {
      const reason = error instanceof PayloadTooLargeError ? 'ResultTooLarge' : 'ResultNotSerializable';
      return this.fail(task, reason, (error as Error).message, fields);
    }
    const accepted = await this.respond('RespondActivityTaskCompleted', fields, () =>
      this.swf.send(new RespondActivityTaskCompletedCommand({ taskToken: task.taskToken, result: json })),
    );
    this.options.logger.debug('activity completed', fields);
    return { outcome: accepted ? 'completed' : 'not-accepted' };
  }

  private async fail(
    task: ActivityTask,
    reason: string,
    details: string | undefined,
    fields: Record<string, unknown>,
  ): Promise<ActivityTaskReport> {
    const accepted = await this.respond('RespondActivityTaskFailed', fields, () =>
      this.swf.send(
        new RespondActivityTaskFailedCommand({
          taskToken: task.taskToken,
          reason: truncate(reason, MAX_REASON_LENGTH),
          details: truncate(details, MAX_DETAILS_LENGTH),
        }),
      ),
    );
    return accepted ? { outcome: 'failed', reason: truncate(reason, MAX_REASON_LENGTH) } : { outcome: 'not-accepted' };
  }

  /** Sends a response; false when SWF did not accept it. */
  private async respond(action: string, fields: Record<string, unknown>, send: () => Promise<unknown>): Promise<boolean> {
    try {
      await retryTransient(send);
      return true;
    } catch (error) {
      // UnknownResourceFault: the task timed out meanwhile, or an earlier try that seemed lost did reach SWF. Either way SWF has moved on.
      if ((error as { name?: string }).name === 'UnknownResourceFault') {
        this.options.logger.info(`${action} came too late: the task had already closed`, { ...fields, error: describeError(error) });
      } else this.options.logger.warn(`${action} was not accepted`, { ...fields, error: describeError(error) });
      return false;
    }
  }
}

function isAbort(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'AbortError';
}
