import type { Decision } from '@aws-sdk/client-swf';
import { TsflowError } from '../errors/tsflow.error';
import { describeWorkflow, type Constructor, type WorkflowDefinition } from '../metadata';
import { describeThrown } from '../errors/thrown-value';
import { decodePayload, encodePayload } from '../swf';
import { SignalInbox, type SignalDecoder } from './signals';
import { CancelledFailure } from './call-failures';
import { installCalls } from './call-installer';
import { CallScheduler } from './call-scheduler';
import { firstEventAfter } from './event-cursor';
import { applyEvent } from './event-handlers';
import { ExecutionOutOfSyncError } from './execution-sync.error';
import { toDate, type DecisionTaskInput, type HistoryEventInput } from './history.types';
import { cancelDecision, completeDecision, errorDecision, failDecision, invalidInputDecision } from './outcome';
import type { Outgoing } from './outbox';
import { stuckReport } from './stuck';
import { untilQuiescent } from './quiescence';
import { ReplayState } from './replay-state';
import { WorkflowContext } from './workflow-context';
import { WorkflowTypeMismatchError } from './workflow-type-mismatch.error';

const STATUS: Record<string, DecisionResult['status']> = {
  CompleteWorkflowExecution: 'completed',
  FailWorkflowExecution: 'failed',
  CancelWorkflowExecution: 'canceled',
};

/**
 * Builds the workflow instance for one execution (as Temporal's `WorkflowCreator`): the workers pass one
 * that resolves the class from a DI container with the context injected. Default: `new Workflow(context)`.
 */
export type WorkflowFactory = (definition: WorkflowDefinition, context: WorkflowContext) => object;

export interface ExecutionOptions {
  readonly workflowId: string;
  readonly runId: string;
  readonly createWorkflow?: WorkflowFactory;
  /**
   * A workflow that waits on nothing that can settle (no open call, timer or signal wait): `'log'` (default)
   * reports it in `DecisionResult.stuck`; `'fail-workflow'` fails the execution with reason `StuckWorkflow`.
   */
  readonly onStuck?: 'log' | 'fail-workflow';
  /**
   * Replay also compares each recorded call's input with the one the code gives now (not only type and
   * name): a `Math.random()` passed to an activity is then nondeterminism. Default off (on in the test environment).
   */
  readonly compareInputs?: boolean;
  /** Validates `@Signal` inputs (the workers pass a class-validator one); default: the decoded JSON as it is. */
  readonly decodeSignal?: SignalDecoder;
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
  /** Decisions held back for the next decision task by SWF's 100-decision or 1 MB limit. */
  readonly carriedOver: number;
  /** Set when the workflow waits on nothing that can settle: where it waits, for one loud log line. */
  readonly stuck?: string;
  /** Things to log from the last activation: signals skipped (invalid input, no handler). */
  readonly warnings?: readonly string[];
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
 * const execution = cache.get(runId) ?? WorkflowExecution.start(MyWorkflow, { workflowId, runId, createWorkflow });
 * const result = await (execution.canContinue(task) ? execution : WorkflowExecution.start(…)).decide(task);
 * ```
 */
/**
 * The execution that decided last, kept alive on purpose. V8 drops the hidden classes (maps) of
 * objects when none of them survives a full collection, and with them the optimised code built on
 * those maps; a process whose executions have all died (a decider with an empty or small cache,
 * `replayHistories`, a one-off `decide()`) would then run every replay after a full GC in the
 * interpreter while the engine is compiled again: three times as slow in `npm run bench`. One
 * live execution keeps every engine class's maps, at the cost of one execution's objects.
 */
const keptAlive: { execution?: WorkflowExecution } = {};

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
  private response: Outgoing[] = [];
  private instance?: { run(input: unknown): unknown };
  private published: string | undefined;
  private warnings: string[] = [];
  private carriedOver = 0;
  private stuck: string | undefined;

  private constructor(
    readonly definition: WorkflowDefinition,
    private readonly options: ExecutionOptions,
  ) {
    const identity = { workflowType: `${definition.name}@${definition.version}`, workflowId: options.workflowId, runId: options.runId };
    this.state = new ReplayState(identity, new SignalInbox(definition, options.decodeSignal), options.compareInputs);
    this.scheduler = new CallScheduler(this.state);
    this.context = new WorkflowContext(this.state, this.scheduler, () => this.input, definition.options.continueAsNewSuggestedAt);
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
      keptAlive.execution = this;
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
    this.warnings = [];
    // Events up to the last recorded activation's boundary are replayed; their handlers (which start retries) must know it.
    let recorded = 0;
    for (const boundary of boundaries) if (boundary < end && boundary > recorded) recorded = boundary;
    for (let i = first; i < events.length && (events[i].eventId ?? 0) <= end; i++) {
      const event = events[i];
      const id = event.eventId ?? 0;
      this.checkOwnTaskTimedOut(event);
      this.state.replaying = options.replayOnly === true || id <= recorded;
      applyEvent(this.state, event);
      applied++;
      this.lastEvent = id;
      if (!boundaries.has(id)) continue;
      activations++;
      await this.activate(event, id, options.replayOnly === true || id !== end);
    }
    if (this.lastEvent < end) {
      throw new TsflowError(
        `The decision task of run ${this.runId} starts at event ${end}, but its history ends at ${this.lastEvent}; merge every page of it.`,
      );
    }
    this.lastStarted = end;
    return this.result(applied, activations, end);
  }

  /**
   * One activation: every decision of the previous one must have been recorded; then the
   * workflow runs until it makes no more progress, and what it asked for is concluded as
   * this activation's decisions (the response, for the last one).
   */
  private async activate(event: HistoryEventInput, eventId: number, replaying: boolean): Promise<void> {
    this.state.closeWindow();
    this.state.now = toDate(event.eventTimestamp);
    this.state.replaying = replaying;
    this.state.historyLength = eventId;
    this.state.cancellation.beforeActivation();
    this.startRun();
    this.state.conditions.check();
    await untilQuiescent();
    while (this.state.conditions.check()) await untilQuiescent();
    this.publishState();
    this.stuck = this.checkStuck(eventId, replaying);
    const { sent, carriedOver } = this.state.conclude();
    this.response = sent;
    this.carriedOver = carriedOver;
  }

  /** Nothing the workflow waits for can settle: report it, and fail the execution when told to. */
  private checkStuck(eventId: number, replaying: boolean): string | undefined {
    if (this.state.finished || this.state.closed || !this.runStarted) return undefined;
    if (this.state.hasPendingCalls() || this.state.conditions.pending || this.state.inbox.listening) return undefined;
    const report = stuckReport(this.state, eventId);
    if (this.options.onStuck === 'fail-workflow')
      this.state.finish(failDecision('StuckWorkflow: the workflow waits on nothing that can settle', report));
    return replaying ? undefined : report;
  }

  /** A kept execution whose own last decision task timed out: its decisions were never recorded, so replay in full. */
  private checkOwnTaskTimedOut(event: HistoryEventInput): void {
    if (event.eventType !== 'DecisionTaskTimedOut' || this.lastStarted === 0) return;
    if (event.decisionTaskTimedOutEventAttributes?.startedEventId === this.lastStarted) {
      throw new ExecutionOutOfSyncError(this.runId, this.lastStarted, undefined);
    }
  }

  private result(eventsReplayed: number, activations: number, startedEventId: number): DecisionResult {
    const outcome = this.state.outcome?.decision();
    const status = this.state.closed ? 'closed' : outcome ? STATUS[String(outcome.decisionType)] : 'open';
    const decisions = this.state.closed ? [] : this.response.map((e) => e.command.decision(e.action));
    const executionContext = this.published ?? this.context.executionContext;
    return {
      decisions,
      ...(executionContext === undefined ? {} : { executionContext }),
      status,
      ...(outcome?.failWorkflowExecutionDecisionAttributes
        ? { failureReason: outcome.failWorkflowExecutionDecisionAttributes.reason }
        : {}),
      eventsReplayed,
      activations,
      startedEventId,
      carriedOver: this.state.closed ? 0 : this.carriedOver,
      ...(this.stuck === undefined ? {} : { stuck: this.stuck }),
      ...(this.warnings.length === 0 ? {} : { warnings: this.warnings }),
    };
  }

  /**
   * Each activation: the signals it brought go to their handlers first; the first one also builds
   * the workflow (after WorkflowExecutionStarted is applied) and starts `run`, after its signals.
   */
  private startRun(): void {
    if (this.instance) this.deliverSignals();
    if (this.runStarted) return;
    const started = this.state.started;
    if (!started)
      throw new TsflowError(`The history of run ${this.runId} does not begin with WorkflowExecutionStarted; pass the whole history.`);
    this.runStarted = true;
    try {
      this.input = decodePayload(started.input, 'The workflow input');
    } catch (error) {
      this.state.finish(invalidInputDecision(started.input ?? '', error));
      return;
    }
    const instance = this.build() as { run(input: unknown): unknown };
    installCalls(instance, this.definition, this.scheduler);
    this.instance = instance;
    this.deliverSignals();
    let running: Promise<unknown>;
    try {
      running = Promise.resolve(instance.run(this.input));
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (value) => this.finish(() => completeDecision(this.state.identity.workflowType, value)),
      (error: unknown) =>
        this.finish(() => (this.state.cancelRequested && error instanceof CancelledFailure ? cancelDecision(error) : errorDecision(error))),
    );
  }

  private deliverSignals(): void {
    const warnings = this.state.inbox.deliver(this.instance!, (error) => this.finish(() => errorDecision(error)));
    if (!this.state.replaying) this.warnings.push(...warnings);
  }

  /** The `@State` member's JSON, sent as the execution context of this activation's response; one SWF cannot carry fails the workflow. */
  private publishState(): void {
    const state = this.definition.state;
    if (!state || !this.instance) return;
    const where = `@State ${this.definition.target.name}.${state.member}`;
    try {
      const member = (this.instance as unknown as Record<string, unknown>)[state.member];
      const value = state.kind === 'method' ? (member as () => unknown).call(this.instance) : member;
      this.published = encodePayload(value, `The state published by ${where}`);
    } catch (error) {
      const { name, message } = describeThrown(error);
      this.finish(() =>
        failDecision(`StateNotPublished: ${name}: ${message}`, `${where} could not be published as the execution context: ${message}`),
      );
    }
  }

  /** Settles the outcome; describing it must never throw, since this runs in a promise handler. */
  private finish(outcome: () => Decision): void {
    let decision: Decision;
    try {
      decision = outcome();
    } catch (error) {
      decision = failDecision('Error: the workflow ended with a value tsflow could not describe', String((error as Error)?.message ?? ''));
    }
    this.state.finish(decision);
  }

  private build(): object {
    const create = this.options.createWorkflow ?? ((definition, context) => new definition.target(context) as object);
    try {
      return create(this.definition, this.context);
    } catch (error) {
      throw new TsflowError(`Could not build workflow ${this.definition.target.name} for run ${this.runId}: ${(error as Error).message}`, {
        cause: error,
      });
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
