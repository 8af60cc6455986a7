import { randomUUID } from 'node:crypto';
import {
  DescribeWorkflowExecutionCommand,
  GetWorkflowExecutionHistoryCommand,
  RequestCancelWorkflowExecutionCommand,
  SWFClient,
  SignalWorkflowExecutionCommand,
  StartWorkflowExecutionCommand,
  TerminateWorkflowExecutionCommand,
  type HistoryEvent,
  type WorkflowExecutionDetail,
  type WorkflowExecutionInfo,
} from '@aws-sdk/client-swf';
import { inject, injectable } from 'tsyringe';
import { describeWorkflow } from '../metadata/workflow-definition';
import type { ChildPolicy, Duration, TypeReference } from '../metadata/options';
import type { Constructor } from '../metadata/records';
import type { InputOf, OutputOf } from '../decorators/call.types';
import { ActivityCompletion } from './activity-completion';
import { FLOW_CONFIG, type FlowConfig } from './flow-config';
import { encodePayload, formatDuration } from '../swf';
import { WorkflowNotFoundError } from './client.errors';
import type { ExecutionOperations, TerminateOptions } from './execution-operations';
import { swfCall } from './swf-call';
import { WorkflowHandle } from './workflow-handle';
import { listExecutions, type ListOptions } from './list-executions';

/** Options of one `start`; each overrides the workflow type's registered default. */
export interface StartOptions {
  /** Unique among the domain's open executions; defaults to the type's name and a UUID. */
  workflowId?: string;
  taskList?: string;
  executionStartToCloseTimeout?: number;
  taskStartToCloseTimeout?: Duration;
  childPolicy?: ChildPolicy;
  lambdaRole?: string;
  tagList?: string[];
  taskPriority?: number;
}

type RunOf<W> = W extends { run: infer R } ? R : never;

/**
 * Starts executions and finds them again: inject it into any provider, or
 * take it from the app with `app.get(WorkflowClient)`.
 *
 * @example
 * ```ts
 * const run = await client.start(StringTransformer, ['Hello', ' ', 'World']);
 * console.log(await run.result()); // 'OLLEH DLROW'
 * ```
 */
@injectable()
export class WorkflowClient implements ExecutionOperations {
  constructor(
    @inject(SWFClient) readonly swf: SWFClient,
    @inject(FLOW_CONFIG) readonly config: FlowConfig,
  ) {}

  get domain(): string {
    return this.config.domain;
  }

  /** Starts an execution of a `@Workflow` class; the compiler checks `input` against its `run`. */
  start<W>(workflow: Constructor<W>, input: InputOf<RunOf<W>>, options?: StartOptions): Promise<WorkflowHandle<OutputOf<RunOf<W>>>>;
  /** Starts an execution of a workflow type implemented elsewhere. */
  start<O = unknown>(workflow: TypeReference, input?: unknown, options?: StartOptions): Promise<WorkflowHandle<O>>;
  async start(workflow: Constructor | TypeReference, input?: unknown, options: StartOptions = {}): Promise<WorkflowHandle<unknown>> {
    const definition = typeof workflow === 'function' ? describeWorkflow(workflow) : undefined;
    const type = definition ? { name: definition.name, version: definition.version } : { ...(workflow as TypeReference) };
    const defaults = definition?.options ?? {};
    const workflowId = options.workflowId ?? `${type.name}-${randomUUID()}`;
    const encoded = encodePayload(input, `The input of ${type.name}`);
    const { runId } = await swfCall('StartWorkflowExecution', `of ${type.name} ${type.version} as ${workflowId}`, () =>
      this.swf.send(
        new StartWorkflowExecutionCommand({
          domain: this.domain,
          workflowId,
          workflowType: type,
          input: encoded,
          taskList: { name: options.taskList ?? defaults.defaultTaskList ?? this.config.taskList },
          executionStartToCloseTimeout: formatDuration(options.executionStartToCloseTimeout),
          taskStartToCloseTimeout: formatDuration(options.taskStartToCloseTimeout),
          childPolicy: options.childPolicy,
          lambdaRole: options.lambdaRole ?? defaults.defaultLambdaRole,
          tagList: options.tagList,
          taskPriority: options.taskPriority === undefined ? undefined : String(options.taskPriority),
        }),
      ),
    );
    return new WorkflowHandle(this, workflowId, runId ?? '');
  }

  /** A handle on an existing execution; without a run id, the current (or latest) run of the workflow id. */
  getHandle<O = unknown>(workflowId: string, runId?: string): WorkflowHandle<O> {
    return new WorkflowHandle<O>(this, workflowId, runId);
  }

  /** Sends the signal `signalName` with a JSON `input` to a run (the current one without `runId`). */
  async signal(workflowId: string, signalName: string, input?: unknown, runId?: string): Promise<void> {
    const encoded = encodePayload(input, `The input of signal '${signalName}'`);
    await swfCall('SignalWorkflowExecution', `'${signalName}' to ${workflowId}`, () =>
      this.swf.send(
        new SignalWorkflowExecutionCommand({
          domain: this.domain,
          workflowId,
          runId,
          signalName,
          input: encoded,
        }),
      ),
    );
  }

  /**
   * Finishes an activity task left open with `context.completeLater()`, from any
   * process holding its token: `.complete(result)`, `.fail(reason, details)`,
   * `.reportCancelled(details)`, `.heartbeat(details)`.
   *
   * @example
   * ```ts
   * await client.activityCompletion(taskToken).complete({ approved: true });
   * ```
   */
  activityCompletion(taskToken: string): ActivityCompletion {
    return new ActivityCompletion(this.swf, taskToken);
  }

  /** Requests cancellation; the workflow decides how to close (SWF `RequestCancelWorkflowExecution`). */
  async cancel(workflowId: string, runId?: string): Promise<void> {
    await swfCall('RequestCancelWorkflowExecution', `of ${workflowId}`, () =>
      this.swf.send(new RequestCancelWorkflowExecutionCommand({ domain: this.domain, workflowId, runId })),
    );
  }

  /** Closes a run at once (SWF `TerminateWorkflowExecution`), without its workflow's say. */
  async terminate(workflowId: string, options: TerminateOptions = {}): Promise<void> {
    await swfCall('TerminateWorkflowExecution', `of ${workflowId}`, () =>
      this.swf.send(
        new TerminateWorkflowExecutionCommand({
          domain: this.domain,
          workflowId,
          runId: options.runId,
          reason: options.reason,
          details: options.details,
          childPolicy: options.childPolicy,
        }),
      ),
    );
  }

  /** SWF's description of a run: status, counts of open calls, configuration. */
  async describe(workflowId: string, runId: string): Promise<WorkflowExecutionDetail> {
    return swfCall('DescribeWorkflowExecution', `of ${workflowId} (run ${runId})`, () =>
      this.swf.send(new DescribeWorkflowExecutionCommand({ domain: this.domain, execution: { workflowId, runId } })),
    );
  }

  /** Every event of an execution's history, all pages merged. */
  async history(workflowId: string, runId: string, options: { reverseOrder?: boolean } = {}): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await swfCall('GetWorkflowExecutionHistory', `of ${workflowId} (run ${runId})`, () =>
        this.swf.send(
          new GetWorkflowExecutionHistoryCommand({
            domain: this.domain,
            execution: { workflowId, runId },
            nextPageToken,
            reverseOrder: options.reverseOrder,
            maximumPageSize: 1000,
          }),
        ),
      );
      events.push(...(page.events ?? []));
      nextPageToken = page.nextPageToken;
    } while (nextPageToken);
    return events;
  }

  /** The newest event of a run's history: its close event once it has closed. */
  async lastEvent(workflowId: string, runId: string): Promise<HistoryEvent | undefined> {
    const page = await swfCall('GetWorkflowExecutionHistory', `of ${workflowId} (run ${runId})`, () =>
      this.swf.send(
        new GetWorkflowExecutionHistoryCommand({
          domain: this.domain,
          execution: { workflowId, runId },
          reverseOrder: true,
          maximumPageSize: 1,
        }),
      ),
    );
    return page.events?.[0];
  }

  /** The open run of a workflow id, else its most recently started closed one. */
  async latestRunId(workflowId: string): Promise<string> {
    const latest = async (status: 'open' | 'closed') => (await this.list({ status, workflowId, startedAfter: new Date(0), limit: 1 }))[0];
    const info = (await latest('open')) ?? (await latest('closed'));
    const runId = info?.execution?.runId;
    if (!runId) throw new WorkflowNotFoundError(workflowId, this.domain);
    return runId;
  }

  /** Open or closed executions of the domain, all pages, filtered as SWF allows. */
  async list(options: ListOptions = {}): Promise<WorkflowExecutionInfo[]> {
    return listExecutions(this.swf, this.domain, options);
  }
}
