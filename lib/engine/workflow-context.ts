import { TsflowError } from '../errors/tsflow.error';
import type { CallScheduler, TimerFuture } from './call-scheduler';
import { MAX_PAYLOAD_LENGTH } from '../swf';
import { PayloadTooLargeError } from '../swf';
import type { ReplayState } from './replay-state';
import { CancellationScope } from './cancellation-scope';
import type { ContinueAsNewOptions } from './continue-as-new';
import { Deferred, type Settlement } from './deferred';
import { WaitTimeout } from './wait-timeout.error';
import { flatten, waitFor, type FutureArgs, type WaitOutcome } from './wait-condition';

/** A cancellation scope's outcome, with `cancel()` for everything started in it. */
export type CancellableScope<T> = Promise<T> & { cancel(): void };

/** How an engine-made future settled (module-level: one function for every wait, not a closure per wait). */
const settlementOf = (future: PromiseLike<unknown>): Settlement | undefined => Deferred.of(future)?.settlement;

/**
 * What a workflow may know and do besides its decorated calls. Injected into
 * the workflow's constructor, one per execution.
 *
 * @example
 * ```ts
 * constructor(private readonly flow: WorkflowContext) {}
 * async run(ids: string[]) {
 *   const done = await this.flow.timedAll(3600, ids.map((id) => this.process(id)));
 *   return { finishedAt: this.flow.now().toISOString(), done };
 * }
 * ```
 */
export class WorkflowContext {
  private context: string | undefined;

  /** Made by the engine for each execution; workflows receive it by injection. */
  constructor(
    private readonly state: ReplayState,
    private readonly scheduler: CallScheduler,
    private readonly decodedInput: () => unknown,
    private readonly suggestedAt?: number,
  ) {}

  get workflowId(): string {
    return this.state.identity.workflowId;
  }

  get runId(): string {
    return this.state.identity.runId;
  }

  /** The IAM role the execution's Lambda functions run as (`WorkflowExecutionStarted.lambdaRole`). */
  get lambdaRole(): string | undefined {
    return this.state.started?.lambdaRole;
  }

  /** The execution's input, decoded from JSON. */
  get input(): unknown {
    return this.decodedInput();
  }

  /** The parent execution, when this one was started as a child workflow. */
  get parent(): { readonly workflowId: string; readonly runId: string } | undefined {
    return this.state.started?.parent;
  }

  get tags(): readonly string[] {
    return this.state.started?.tagList ?? [];
  }

  /** True while the engine re-runs activations history already recorded; use it to avoid repeating logs. */
  get isReplaying(): boolean {
    return this.state.replaying;
  }

  /**
   * The execution was asked to cancel (`RequestCancelWorkflowExecution`): its timers and Lambdas then rejected
   * with `CancelledFailure`, and its activities and children were asked to cancel (they reject once SWF reports it).
   */
  get isCancelRequested(): boolean {
    return this.state.cancelRequested;
  }

  /** The time of the current decision task (its `DecisionTaskStarted` event): the same on every replay. */
  now(): Date {
    return new Date(this.state.now.getTime());
  }

  /** Published with the next decision (`executionContext`), visible in `DescribeWorkflowExecution`. */
  get executionContext(): string | undefined {
    return this.context;
  }

  set executionContext(value: string | undefined) {
    if (value !== undefined && value.length > MAX_PAYLOAD_LENGTH) {
      throw new PayloadTooLargeError('The execution context', value.length, MAX_PAYLOAD_LENGTH);
    }
    this.context = value;
  }

  /** Waits `seconds` (whole seconds) of workflow time: an SWF timer. */
  async sleep(seconds: number): Promise<void> {
    await this.timer(seconds);
  }

  /** Starts an SWF timer; the future settles when it fires, and `cancel()` cancels it. */
  timer(seconds: number): TimerFuture {
    return this.scheduler.timer(seconds);
  }

  /** Waits for every future; resolves with their values in argument order, or rejects with the first failure in event order. */
  async all<T>(...futures: FutureArgs<PromiseLike<T>>): Promise<T[]> {
    const list = flatten(futures);
    return this.values(list, await this.wait(list, 'all'));
  }

  /** Waits until at least one future settled; resolves with all futures settled by then, in event order. */
  async any<F extends PromiseLike<unknown>>(...futures: FutureArgs<F>): Promise<F[]> {
    const list = this.nonEmpty(flatten(futures), 'any');
    return (await this.wait(list, 'any')).settled;
  }

  /** Like `all`, but throws `WaitTimeout` when `timeoutSeconds` pass first; its timer is cancelled when the futures win. */
  async timedAll<T>(timeoutSeconds: number, ...futures: FutureArgs<PromiseLike<T>>): Promise<T[]> {
    const list = flatten(futures);
    return this.values(list, await this.timed(timeoutSeconds, list, 'all'));
  }

  /** Like `any`, but throws `WaitTimeout` when `timeoutSeconds` pass first; its timer is cancelled when a future wins. */
  async timedAny<F extends PromiseLike<unknown>>(timeoutSeconds: number, ...futures: FutureArgs<F>): Promise<F[]> {
    const list = this.nonEmpty(flatten(futures), 'timedAny');
    return (await this.timed(timeoutSeconds, list, 'any')).settled;
  }

  /**
   * Waits until `holds()` is true after some event (a signal, a call settling, a timer): resolves
   * `true` then, or `false` when `timeoutSeconds` (a durable timer) pass first.
   *
   * @example
   * ```ts
   * const approved = await this.flow.condition(() => this.approvedBy !== undefined, 24 * 3600);
   * ```
   */
  async condition(holds: () => boolean, timeoutSeconds?: number): Promise<boolean> {
    if (holds()) return true;
    const wait = this.state.conditions.wait(holds);
    if (timeoutSeconds === undefined) return wait.promise;
    const timer = this.timer(timeoutSeconds);
    timer.then(wait.expire, () => undefined);
    const met = await wait.promise;
    if (met) timer.cancel();
    return met;
  }

  /** Signals another execution (`SignalExternalWorkflowExecution`); rejects with `ScheduleFailure` when SWF reports it failed. */
  signalExternal(workflowId: string, runId: string | undefined, signalName: string, input?: unknown): Promise<void> {
    return this.scheduler.signalExternal(workflowId, runId, signalName, input);
  }

  /**
   * Ends this run and starts a new one of the same workflow with `input` (`ContinueAsNewWorkflowExecution`),
   * so a workflow that loops for months keeps its history short. Nothing after it runs.
   *
   * @example
   * ```ts
   * if (this.flow.continueAsNewSuggested) return this.flow.continueAsNew({ cursor });
   * ```
   */
  continueAsNew(input: unknown, options?: ContinueAsNewOptions): Promise<never> {
    return this.scheduler.continueAsNew(input, options);
  }

  /** Events in the history so far (the current decision task's `DecisionTaskStarted` id). */
  get historyLength(): number {
    return this.state.historyLength;
  }

  /** True past `@Workflow(…, { continueAsNewSuggestedAt })` events (default 10,000; SWF stops an execution at 25,000). */
  get continueAsNewSuggested(): boolean {
    return this.state.historyLength >= (this.suggestedAt ?? 10_000);
  }

  /**
   * Versioning in place: true where the execution reaches this point for the first time under
   * code that has change `changeId` (recorded in a marker), false when replaying a history
   * recorded before the change.
   *
   * @example
   * ```ts
   * if (this.flow.patched('send-receipt')) await this.sendReceipt(order);
   * ```
   */
  patched(changeId: string): boolean {
    return this.scheduler.patched(changeId);
  }

  /** Once no execution from before the change runs: the new branch only, still matching the markers `patched` recorded. */
  deprecatePatch(changeId: string): void {
    this.scheduler.deprecatePatch(changeId);
  }

  /**
   * Runs `fn` in a scope that can be cancelled on its own: `cancel()` cancels every call and
   * timer started in it (and in what it awaits), as a whole execution's cancellation does.
   *
   * @example
   * ```ts
   * const fast = this.flow.cancellationScope(() => this.viaFast(order));
   * const slow = this.flow.cancellationScope(() => this.viaSlow(order));
   * const [winner] = await this.flow.any(fast, slow);
   * (winner === fast ? slow : fast).cancel();
   * ```
   */
  cancellationScope<T>(fn: () => Promise<T>): CancellableScope<T> {
    const scope = new CancellationScope(CancellationScope.current());
    // A promise of the scope's own: `fn` may return a call's future, which has a `cancel()` already.
    const promise = scope.run(async () => fn()) as CancellableScope<T>;
    Object.defineProperty(promise, 'cancel', { value: () => scope.cancel() });
    return promise;
  }

  /**
   * Runs `fn` once, records its value (or error) in a marker, and returns that
   * on every replay: the place for randomness, ids and clock readings.
   */
  sideEffect<T>(fn: () => T): Promise<T> {
    return this.scheduler.sideEffect(fn);
  }

  private wait<F extends PromiseLike<unknown>>(futures: F[], need: 'any' | 'all', timer?: F): Promise<WaitOutcome<F>> {
    return waitFor(this.state, settlementOf, futures, need, timer);
  }

  private async timed<F extends PromiseLike<unknown>>(timeoutSeconds: number, futures: F[], need: 'any' | 'all'): Promise<WaitOutcome<F>> {
    const timer = this.timer(timeoutSeconds);
    const outcome = await this.wait(futures, need, timer as unknown as F);
    if (outcome.timedOut) throw new WaitTimeout(timeoutSeconds, timer.timerId);
    timer.cancel();
    return outcome;
  }

  private values<T>(futures: PromiseLike<T>[], outcome: WaitOutcome<PromiseLike<T>>): Promise<T[]> {
    if (outcome.failure) return Promise.reject(outcome.failure.error);
    return Promise.all(futures);
  }

  private nonEmpty<F>(futures: F[], method: string): F[] {
    if (futures.length === 0) throw new TsflowError(`${method}() needs at least one future; with none it would wait forever.`);
    return futures;
  }
}
