import type { Decision } from '@aws-sdk/client-swf';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { TsflowError } from '../errors/tsflow.error';
import { describeWorkflow, type Constructor, type WorkflowDefinition } from '../metadata';
import { installCalls } from './call-installer';
import { CallScheduler } from './call-scheduler';
import { firstEventAfter } from './event-cursor';
import { applyEvent } from './event-handlers';
import { ExecutionOutOfSyncError } from './execution-sync.error';
import { toDate, type DecisionTaskInput, type HistoryEventInput } from './history.types';
import { cancelDecision, completeDecision, errorDecision, invalidInputDecision } from './outcome';
import { CancelledFailure } from './call-failures';
import { decodePayload } from '../swf';
import { untilQuiescent } from './quiescence';
import { ReplayState } from './replay-state';
import { buildResponse } from './response';
import { WorkflowContext } from './workflow-context';
import { WorkflowTypeMismatchError } from './workflow-type-mismatch.error';

const STATUS: Record<string, DecisionResult['status']> = {
  CompleteWorkflowExecution: 'completed',
  FailWorkflowExecution: 'failed',
  CancelWorkflowExecution: 'canceled',
};

export interface ExecutionOptions {
  readonly workflowId: string;
  readonly runId: string;
  /** The container the workflow is built from; each execution gets a child of it. Default: a child of tsyringe's root container. */
  readonly container?: DependencyContainer;
}

/** What the engine decided for one decision task. */
export interface DecisionResult {
  /** Ready for `RespondDecisionTaskCompleted` (at most 100). */
  readonly decisions: Decision[];
  /** The workflow's published state (`WorkflowContext.executionContext`), when it set one. */
  readonly executionContext?: string;
  /** `open` while the workflow runs; `completed`/`failed`/`canceled` once it reached that outcome; `closed` when history shows it closed. */
  readonly status: 'open' | 'completed' | 'failed' | 'canceled' | 'closed';
  /** The reason of the `FailWorkflowExecution` decision, for logs. */
  readonly failureReason?: string;
  /** History events applied by this call (all of them on full replay, the new ones on a kept execution). */
  readonly eventsReplayed: number;
  /** Activations (decision tasks' worth of events) run by this call. */
  readonly activations: number;
  /** The `DecisionTaskStarted` event this result answers. */
  readonly startedEventId: number;
  /** Commands held back for the next decision task by SWF's 100-decision limit. */
  readonly carriedOver: number;
}

export interface DecideTaskOptions {
  /** Treat every activation as replay (`replayHistory`): `isReplaying` stays true. */
  readonly replayOnly?: boolean;
}

/**
 * One workflow execution being replayed. Keep it between decision tasks and
 * `decide()` applies only the events that are new since the last one; start a
 * new one (full replay) when `canContinue(task)` is false.
 *
 * @example
 * ```ts
 * const execution = cache.get(runId) ?? WorkflowExecution.start(MyWorkflow, { workflowId, runId, container });
 * const result = await (execution.canContinue(task) ? execution : WorkflowExecution.start(…)).decide(task);
 * ```
 */
export class WorkflowExecution {
  private readonly state: ReplayState;
  private readonly scheduler: CallScheduler;
  private readonly context: WorkflowContext;
  private input: unknown;
  private runStarted = false;
  private busy = false;
  private broken: unknown;
  private lastEvent = 0;
  private lastStarted = 0;

  private constructor(
    readonly definition: WorkflowDefinition,
    private readonly options: ExecutionOptions,
  ) {
    this.state = new ReplayState({
      workflowType: `${definition.name}@${definition.version}`,
      workflowId: options.workflowId,
      runId: options.runId,
    });
    this.scheduler = new CallScheduler(this.state);
    this.context = new WorkflowContext(this.state, this.scheduler, () => this.input);
  }

  static start(workflow: WorkflowDefinition | Constructor, options: ExecutionOptions): WorkflowExecution {
    return new WorkflowExecution(typeof workflow === 'function' ? describeWorkflow(workflow) : workflow, options);
  }

  get runId(): string {
    return this.options.runId;
  }

  /** The `DecisionTaskStarted` event of the last task decided; the next task's `previousStartedEventId` must equal it. */
  get lastStartedEventId(): number {
    return this.lastStarted;
  }

  /** Whether `decide(task)` can go on from here, or the task needs a full replay. */
  canContinue(task: Pick<DecisionTaskInput, 'previousStartedEventId' | 'workflowExecution'>): boolean {
    if (this.broken !== undefined || this.busy) return false;
    if (task.workflowExecution?.runId !== undefined && task.workflowExecution.runId !== this.runId) return false;
    return this.lastStarted === 0 || (task.previousStartedEventId ?? 0) === this.lastStarted;
  }

  async decide(task: DecisionTaskInput, options: DecideTaskOptions = {}): Promise<DecisionResult> {
    if (this.broken !== undefined) throw this.broken;
    if (this.busy) throw new TsflowError(`Execution ${this.runId} is already deciding a task; decide one task at a time.`);
    this.checkTask(task, options);
    this.busy = true;
    try {
      return await this.replay(task.events ?? [], options.replayOnly ? undefined : task.startedEventId, options);
    } catch (error) {
      // A half-applied history cannot be continued; the caller must replay from the start.
      this.broken = error;
      throw error;
    } finally {
      this.busy = false;
    }
  }

  private async replay(
    events: readonly HistoryEventInput[],
    startedEventId: number | undefined,
    options: DecideTaskOptions,
  ): Promise<DecisionResult> {
    const first = firstEventAfter(events, this.lastEvent);
    const end = startedEventId ?? events.at(-1)?.eventId ?? this.lastEvent;
    if (first < events.length && events[first].eventId !== this.lastEvent + 1) {
      throw new TsflowError(
        `The history of run ${this.runId} skips from event ${this.lastEvent} to ${events[first].eventId}; merge every page of it.`,
      );
    }
    // Activations end at the DecisionTaskStarted of each completed decision task, and at this task's own.
    const boundaries = new Set<number>([end]);
    for (let i = first; i < events.length && (events[i].eventId ?? 0) <= end; i++) {
      const e = events[i];
      if (e.eventType === 'DecisionTaskCompleted') boundaries.add(e.decisionTaskCompletedEventAttributes?.startedEventId ?? 0);
      else if (e.eventType === 'MarkerRecorded')
        this.state.markers.set(e.markerRecordedEventAttributes?.markerName ?? '', e.markerRecordedEventAttributes?.details);
    }
    let applied = 0;
    let activations = 0;
    for (let i = first; i < events.length && (events[i].eventId ?? 0) <= end; i++) {
      const event = events[i];
      const id = event.eventId ?? 0;
      applyEvent(this.state, event);
      applied++;
      this.lastEvent = id;
      if (!boundaries.has(id)) continue;
      activations++;
      this.state.now = toDate(event.eventTimestamp);
      this.state.replaying = options.replayOnly === true || id !== end;
      this.scheduler.beforeActivation();
      this.startRun();
      await untilQuiescent();
    }
    if (this.lastEvent < end) {
      throw new TsflowError(
        `The decision task of run ${this.runId} starts at event ${end}, but its history ends at ${this.lastEvent}; merge every page of it.`,
      );
    }
    this.lastStarted = end;
    return this.result(applied, activations, end);
  }

  private result(eventsReplayed: number, activations: number, startedEventId: number): DecisionResult {
    const { decisions, carriedOver } = buildResponse(this.state);
    const outcome = this.state.outcome;
    const status = this.state.closed ? 'closed' : outcome ? STATUS[String(outcome.decisionType)] : 'open';
    return {
      decisions,
      ...(this.context.executionContext === undefined ? {} : { executionContext: this.context.executionContext }),
      status,
      ...(outcome?.failWorkflowExecutionDecisionAttributes
        ? { failureReason: outcome.failWorkflowExecutionDecisionAttributes.reason }
        : {}),
      eventsReplayed,
      activations,
      startedEventId,
      carriedOver,
    };
  }

  /** Starts `run` once, after the first activation's events (WorkflowExecutionStarted among them) are applied. */
  private startRun(): void {
    if (this.runStarted) return;
    const started = this.state.started;
    if (!started)
      throw new TsflowError(`The history of run ${this.runId} does not begin with WorkflowExecutionStarted; pass the whole history.`);
    this.runStarted = true;
    try {
      this.input = decodePayload(started.input, 'The workflow input');
    } catch (error) {
      this.state.outcome = invalidInputDecision(started.input ?? '', error);
      return;
    }
    const instance = this.build() as { run(input: unknown): unknown };
    installCalls(instance, this.definition, this.scheduler);
    let running: Promise<unknown>;
    try {
      running = Promise.resolve(instance.run(this.input));
    } catch (error) {
      running = Promise.reject(error);
    }
    const finish = (decision: Decision): void => {
      this.state.outcome ??= decision;
    };
    running.then(
      (value) => finish(completeDecision(this.state.identity.workflowType, value)),
      (error) => finish(this.state.cancelRequested && error instanceof CancelledFailure ? cancelDecision(error) : errorDecision(error)),
    );
  }

  private build(): object {
    const scope = (this.options.container ?? rootContainer).createChildContainer();
    scope.registerInstance(WorkflowContext, this.context);
    try {
      return scope.resolve(this.definition.target) as object;
    } catch (error) {
      throw new TsflowError(
        `Could not build workflow ${this.definition.target.name} for run ${this.runId}: ${(error as Error).message}. ` +
          'Register its constructor dependencies in the container given to decide() (WorkflowContext is provided by tsflow).',
        { cause: error },
      );
    }
  }

  private checkTask(task: DecisionTaskInput, options: DecideTaskOptions): void {
    const type = task.workflowType;
    const { name, version } = this.definition;
    if (type && (type.name !== name || type.version !== version)) {
      throw new WorkflowTypeMismatchError(`${name}@${version}`, `${type.name}@${type.version}`, this.definition.target.name);
    }
    if (task.workflowExecution?.runId !== undefined && task.workflowExecution.runId !== this.runId) {
      throw new ExecutionOutOfSyncError(this.runId, this.lastStarted, task.previousStartedEventId);
    }
    if (!options.replayOnly && this.lastStarted > 0 && (task.previousStartedEventId ?? 0) !== this.lastStarted) {
      throw new ExecutionOutOfSyncError(this.runId, this.lastStarted, task.previousStartedEventId);
    }
  }
}
