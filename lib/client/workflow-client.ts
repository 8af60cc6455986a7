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
import type { TypeReference } from '../metadata/options';
import type { Constructor } from '../metadata/records';
import type { InputOf, OutputOf } from '../decorators/call.types';
import { chain } from '../interceptors/chain';
import { ActivityCompletion } from './activity-completion';
import type { ClientCallInfo } from './client-interceptor.types';
import { FLOW_CONFIG, type FlowConfig } from './flow-config';
import { encodePayload, formatDuration } from '../swf';
import { WorkflowNotFoundError } from './client.errors';
import type { ExecutionOperations, TerminateOptions } from './execution-operations';
import { swfCall } from './swf-call';
import { WorkflowHandle } from './workflow-handle';
import { listExecutions, type ListOptions } from './list-executions';

export type { StartOptions } from './start-options';
import type { StartOptions } from './start-options';

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

  /** Runs one call through the config's client interceptors. */
  private intercepted<R>(call: ClientCallInfo, send: (call: ClientCallInfo) => Promise<R>): Promise<R> {
    const links = (this.config.interceptors ?? []).map((i) => i.interceptClient.bind(i));
    return chain(links, send as (call: ClientCallInfo) => Promise<unknown>)(call) as Promise<R>;
  }

  get domain(): string {
    return this.config.domain;
  }

  /** Starts an execution of a `@Workflow` class; the compiler checks `input` against its `run`. */
  start<W>(workflow: Constructor<W>, input: InputOf<RunOf<W>>, options?: StartOptions): Promise<WorkflowHandle<OutputOf<RunOf<W>>>>;
  /** Starts an execution of a workflow type implemented elsewhere. */
  start<O = unknown>(workflow: TypeReference, input?: unknown, options?: StartOptions): Promise<WorkflowHandle<O>>;
  async start(workflow: Constructor | TypeReference, input?: unknown, startOptions: StartOptions = {}): Promise<WorkflowHandle<unknown>> {
    const definition = typeof workflow === 'function' ? describeWorkflow(workflow) : undefined;
    const type = definition ? { name: definition.name, version: definition.version } : { ...(workflow as TypeReference) };
    const defaults = definition?.options ?? {};
    const workflowId = startOptions.workflowId ?? `${type.name}-${randomUUID()}`;
    const call = { kind: 'start', type: `${type.name}@${type.version}`, workflowId, input, options: startOptions } as const;
    const runId = await this.intercepted<string | undefined>(call, async (intercepted) => {
      const { input, options } = intercepted as typeof call;
      const encoded = encodePayload(input, `The input of ${type.name}`);
      const started = await swfCall('StartWorkflowExecution', `of ${type.name} ${type.version} as ${workflowId}`, () =>
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
      return started.runId;
    });
    return new WorkflowHandle(this, workflowId, runId ?? '');
  }

  /** A handle on an existing execution; without a run id, the current (or latest) run of the workflow id. */
  getHandle<O = unknown>(workflowId: string, runId?: string): WorkflowHandle<O> {
    return new WorkflowHandle<O>(this, workflowId, runId);
  }

  /** Sends the signal `signalName` with a JSON `input` to a run (the current one without `runId`). */
  async signal(workflowId: string, signalName: string, signalInput?: unknown, runId?: string): Promise<void> {
    const call = { kind: 'signal', workflowId, runId, signalName, input: signalInput } as const;
    await this.intercepted(call, (intercepted) => {
      const { input } = intercepted as typeof call;
      const encoded = encodePayload(input, `The input of signal '${signalName}'`);
      return swfCall('SignalWorkflowExecution', `'${signalName}' to ${workflowId}`, () =>
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
    });
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
    await this.intercepted({ kind: 'cancel', workflowId, runId }, () =>
      swfCall('RequestCancelWorkflowExecution', `of ${workflowId}`, () =>
        this.swf.send(new RequestCancelWorkflowExecutionCommand({ domain: this.domain, workflowId, runId })),
      ),
    );
  }

  /** Closes a run at once (SWF `TerminateWorkflowExecution`), without its workflow's say. */
  async terminate(workflowId: string, options: TerminateOptions = {}): Promise<void> {
    const call = { kind: 'terminate', workflowId, runId: options.runId, reason: options.reason } as const;
    await this.intercepted(call, () =>
      swfCall('TerminateWorkflowExecution', `of ${workflowId}`, () =>
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
