import type { ChildWorkflowCallOptions } from '../decorators/call.types';
import type {
  ActivityCallDefinition,
  ActivityCallOptions,
  CallDefinition,
  ChildWorkflowCallDefinition,
  LambdaCallDefinition,
  LambdaOptions,
  RetryPolicy,
} from '../metadata';
import { TsflowError } from '../errors/tsflow.error';
import type { AttemptHook, CallPlan } from '../interceptors/workflow-call-chain';
import type { CallerView } from '../interceptors/workflow-interceptor.types';
import { encodePayload, formatDuration, formatPriority, nameProblem } from '../swf';
import { isRetryable, isServiceFailure, LAMBDA_SERVICE_RETRY, RetryingCall } from './retrying';
import { SideEffectFailure } from './call-failures';
import { childWorkflowId } from './child-id';
import type { ContinueAsNewOptions } from './continue-as-new';
import { CancellationScope } from './cancellation-scope';
import {
  ActivityCommand,
  ChildCommand,
  LambdaCommand,
  MarkerCommand,
  SignalExternalCommand,
  TimerCommand,
  type CallCommand,
  type Settler,
} from './commands';
import { compact } from './compact';
import { Deferred } from './deferred';
import type { ReplayState } from './replay-state';
import { recordSideEffect, type RecordedSideEffect } from './side-effect';

/** A timer's future: settles when the timer fires; `cancel()` takes it back (`CancelTimer`). */
export type TimerFuture = Promise<void> & {
  /** The timer's SWF id (`timer1`, …, or the id history recorded). */
  readonly timerId: string;
  /** Cancels the timer; its future rejects with `CancelledFailure`. Does nothing once it fired. */
  cancel(): void;
};

/** Marker names of `patched()`: `tsflow-patch-<change id>`. */
export const PATCH_MARKER_PREFIX = 'tsflow-patch-';

/** An activity's or child workflow's future, with the `cancel()` its call type promises (`CancellableCall`). */
type CallFuture = Promise<unknown> & { cancel(): void };

/** The sequence each kind of decorated call numbers its ids with. */
const SEQUENCE: Record<CallDefinition['kind'], string> = { lambda: 'lambda', activity: 'activity', 'child-workflow': 'child' };

/**
 * Turns workflow calls into commands: the next id of the kind, the command
 * that builds its decisions, and the future the workflow awaits. A call whose
 * input SWF could not carry rejects at once (the workflow may catch it); calls
 * made after the workflow reached its outcome are never sent and never settle.
 */
export class CallScheduler {
  private readonly patches = new Map<string, boolean>();

  constructor(private readonly state: ReplayState) {}

  /** Who is calling, for workflow call interceptors: read at each call. */
  get caller(): CallerView {
    const { workflowId, runId } = this.state.identity;
    return { workflowId, runId, isReplaying: this.state.replaying, tags: this.state.started?.tagList ?? [] };
  }

  /**
   * Gives a call its number as the workflow makes it, before its interceptors run: its id then
   * depends only on the order of the workflow's calls, not on when (or whether) they call `next`.
   */
  reserve(call: CallDefinition, options?: { workflowId?: string }): CallPlan {
    const sequence = this.state.nextSequence(SEQUENCE[call.kind]);
    return { sequence, callId: this.idOf(call, sequence, options) };
  }

  lambda(call: LambdaCallDefinition, input: unknown, options?: LambdaOptions, plan?: CallPlan, onAttempt?: AttemptHook): Promise<unknown> {
    const id = this.idOf(call, (plan ?? this.reserve(call)).sequence);
    const timeout = options?.startToCloseTimeout ?? call.options.startToCloseTimeout;
    const policy = options?.retry ?? call.options.retry;
    // Without a policy, failures SWF attributes to the Lambda service are still retried.
    const retry = policy
      ? { policy, retryable: (e: unknown) => isRetryable(e, policy) || isServiceFailure(e) }
      : { policy: LAMBDA_SERVICE_RETRY, retryable: isServiceFailure };
    return this.issue(`Lambda ${call.functionName} (${id})`, input, id, retry, onAttempt, (encoded, future) => {
      const attributes = compact({ name: call.functionName, input: encoded, startToCloseTimeout: formatDuration(timeout) });
      return (attemptId, settler) => new LambdaCommand(attemptId, call.functionName, attributes, future, settler);
    });
  }

  activity(
    call: ActivityCallDefinition,
    input: unknown,
    overrides?: ActivityCallOptions,
    plan?: CallPlan,
    onAttempt?: AttemptHook,
  ): CallFuture {
    const id = this.idOf(call, (plan ?? this.reserve(call)).sequence);
    const o = { ...call.options, ...overrides };
    const { name, version } = call.activityType;
    return this.issue(`activity ${name}@${version} (${id})`, input, id, policyOf(o.retry), onAttempt, (encoded, future) => {
      const attributes = compact({
        activityType: { name, version },
        input: encoded,
        taskList: o.taskList === undefined ? undefined : { name: o.taskList },
        scheduleToStartTimeout: formatDuration(o.scheduleToStartTimeout),
        startToCloseTimeout: formatDuration(o.startToCloseTimeout),
        scheduleToCloseTimeout: formatDuration(o.scheduleToCloseTimeout),
        heartbeatTimeout: formatDuration(o.heartbeatTimeout),
        taskPriority: formatPriority(o.taskPriority),
      });
      return (attemptId, settler) => new ActivityCommand(attemptId, `${name}@${version}`, attributes, future, settler);
    });
  }

  child(
    call: ChildWorkflowCallDefinition,
    input: unknown,
    overrides?: ChildWorkflowCallOptions,
    plan?: CallPlan,
    onAttempt?: AttemptHook,
  ): CallFuture {
    const id = this.idOf(call, (plan ?? this.reserve(call)).sequence, overrides);
    const o = { ...call.options, ...overrides };
    const { name, version } = call.workflowType;
    return this.issue(`child workflow ${name}@${version} (${id})`, input, id, policyOf(o.retry), onAttempt, (encoded, future) => {
      const attributes = compact({
        workflowType: { name, version },
        input: encoded,
        taskList: o.taskList === undefined ? undefined : { name: o.taskList },
        executionStartToCloseTimeout: formatDuration(o.executionStartToCloseTimeout),
        taskStartToCloseTimeout: formatDuration(o.taskStartToCloseTimeout),
        childPolicy: o.childPolicy,
        // A child runs its Lambdas with the parent's role unless told otherwise, as SWF does not pass it on.
        lambdaRole: o.lambdaRole ?? this.state.started?.lambdaRole,
        tagList: o.tagList,
        taskPriority: formatPriority(o.taskPriority),
      });
      return (attemptId, settler) => new ChildCommand(attemptId, `${name}@${version}`, attributes, future, settler);
    });
  }

  /** `SignalExternalWorkflowExecution`: resolves once SWF delivered it, rejects with `ScheduleFailure` when SWF reports it failed. */
  signalExternal(workflowId: string, runId: string | undefined, signalName: string, input: unknown): Promise<void> {
    const id = `signal${this.state.nextSequence('signal-external')}`;
    const problem = nameProblem('the signal name', signalName) ?? nameProblem('the workflow id', workflowId);
    if (problem) return Promise.reject(new TsflowError(`signalExternal(): ${problem}.`));
    return this.issue(`signal ${signalName} to ${workflowId}`, input, id, undefined, undefined, (encoded, future) => {
      const attributes = compact({ workflowId, runId, signalName, input: encoded });
      return (attemptId, settler) => new SignalExternalCommand(attemptId, signalName, attributes, future, settler);
    }) as Promise<void>;
  }

  /** Closes the run with `ContinueAsNewWorkflowExecution`; the returned promise never settles. */
  continueAsNew(input: unknown, options: ContinueAsNewOptions = {}): Promise<never> {
    const encoded = encodePayload(input, 'The input of continueAsNew()');
    this.state.finish({
      decisionType: 'ContinueAsNewWorkflowExecution',
      continueAsNewWorkflowExecutionDecisionAttributes: compact({
        input: encoded,
        executionStartToCloseTimeout: formatDuration(options.executionStartToCloseTimeout),
        taskList: options.taskList === undefined ? undefined : { name: options.taskList },
        taskPriority: formatPriority(options.taskPriority),
        taskStartToCloseTimeout: formatDuration(options.taskStartToCloseTimeout),
        childPolicy: options.childPolicy,
        tagList: options.tagList,
        workflowTypeVersion: options.version,
        lambdaRole: options.lambdaRole ?? this.state.started?.lambdaRole,
      }),
    });
    return new Promise<never>(() => undefined);
  }

  /**
   * True where the execution reaches this point first under code that has the change
   * (recorded in a marker), false where history was recorded before it (no marker, replaying).
   */
  patched(changeId: string): boolean {
    const known = this.patches.get(changeId);
    if (known !== undefined) return known;
    const name = `${PATCH_MARKER_PREFIX}${changeId}`;
    const recorded = this.state.markers.has(name);
    const patched = recorded || !this.state.replaying;
    this.patches.set(changeId, patched);
    if (patched && !this.state.finished)
      this.state.add(new MarkerCommand(name, this.state.markers.get(name) ?? JSON.stringify({ patch: changeId })));
    return patched;
  }

  /** The change is in every running execution: keep matching its marker where history has one, record no new ones. */
  deprecatePatch(changeId: string): void {
    if (this.patches.has(changeId)) return;
    const name = `${PATCH_MARKER_PREFIX}${changeId}`;
    this.patches.set(changeId, true);
    if (this.state.markers.has(name) && !this.state.finished) this.state.add(new MarkerCommand(name, this.state.markers.get(name)));
  }

  timer(seconds: number): TimerFuture {
    const id = `timer${this.state.nextSequence('timer')}`;
    const future = new Deferred<unknown>();
    const command = new TimerCommand(id, String(seconds), future, this.state);
    if (!Number.isInteger(seconds) || seconds < 0) {
      this.state.reject(
        future,
        new TsflowError(`A timer takes whole seconds (0 or more), got ${seconds}; round it before calling sleep or timer.`),
      );
    } else if (!this.state.finished) {
      this.state.add(command);
    }
    const timer = future.promise as TimerFuture;
    Object.defineProperty(timer, 'timerId', { get: () => command.id });
    const cancel = (): void => this.state.cancellation.cancelTimer(command);
    Object.defineProperty(timer, 'cancel', { value: cancel });
    if (!this.state.finished) CancellationScope.current()?.track(cancel);
    return timer;
  }

  /** Runs `fn` once and records its outcome in a marker; on replay the marker's value is returned instead. */
  sideEffect<T>(fn: () => T): Promise<T> {
    const name = `sideEffect${this.state.nextSequence('side-effect')}`;
    const future = new Deferred<unknown>();
    const details = this.state.markers.has(name) ? this.state.markers.get(name) : recordSideEffect(fn);
    if (!this.state.finished) this.state.add(new MarkerCommand(name, details));
    // The first run gets the value back from its JSON too, so it sees exactly what replays will see.
    let recorded: RecordedSideEffect;
    try {
      recorded = (JSON.parse(details ?? '{}') ?? {}) as RecordedSideEffect;
    } catch (error) {
      recorded = { error: { name: 'InvalidMarker', message: `The marker ${name} is not JSON: ${(error as Error).message}` } };
    }
    if (recorded.error) {
      const { name: errorName, message, stack } = recorded.error;
      this.state.reject(future, new SideEffectFailure(errorName, message, stack, { callId: name, eventId: 0 }));
    } else {
      this.state.resolve(future, recorded.value);
    }
    return future.promise as Promise<T>;
  }

  /** A decorated call's id: `lambda<n>`, `activity<n>`, or the child's workflow id (the call's option, else derived from the parent's). */
  private idOf(call: CallDefinition, sequence: number, overrides?: { workflowId?: string }): string {
    if (call.kind !== 'child-workflow') return `${call.kind}${sequence}`;
    return overrides?.workflowId ?? childWorkflowId(this.state.identity.workflowId, sequence);
  }

  /**
   * One call: its input encoded once, its attempts made by `attempt(id, settler)` (under a retry
   * policy through a `RetryingCall`), its future given `cancel()` and tracked by the current
   * cancellation scope. Input SWF could not carry rejects the future at once. `onAttempt` hears
   * of each attempt as the call commits to it (a retry: before its back-off timer); when it throws,
   * the attempt is vetoed: nothing is scheduled, and the call's future rejects with its error.
   */
  private issue(
    what: string,
    input: unknown,
    id: string,
    retry: { policy: RetryPolicy; retryable: (error: unknown) => boolean } | undefined,
    onAttempt: AttemptHook | undefined,
    build: (encoded: string | undefined, future: Deferred<unknown>) => (id: string, settler: Settler) => CallCommand,
  ): CallFuture {
    const future = new Deferred<unknown>();
    const promise = future.promise as CallFuture;
    let encoded: string | undefined;
    try {
      encoded = encodePayload(input, `The input of ${what}`);
    } catch (error) {
      // SWF would refuse the decision; the workflow gets the error on this call and may catch it.
      this.state.reject(future, error);
      Object.defineProperty(promise, 'cancel', { value: () => undefined });
      return promise;
    }
    const attempt = build(encoded, future);
    const announce = (attemptId: string, n: number, previousFailure: unknown, delaySeconds: number): void =>
      onAttempt?.({ callId: id, attemptId, attempt: n, previousFailure, delaySeconds });
    let cancel: () => void = () => undefined;
    // After the workflow finished, further calls are never sent and never settle.
    if (!this.state.finished) {
      const cancellation = this.state.cancellation;
      try {
        announce(id, 1, undefined, 0);
      } catch (veto) {
        // An interceptor vetoed the first attempt: nothing is scheduled, and the workflow gets its error on this call.
        this.state.reject(future, veto);
        Object.defineProperty(promise, 'cancel', { value: cancel });
        return promise;
      }
      if (retry) {
        const call = new RetryingCall(this.state, retry.policy, retry.retryable, id, attempt, announce);
        call.start();
        cancel = () => {
          call.stop();
          if (call.active) cancellation.cancelAny(call.active);
        };
      } else {
        const command = attempt(id, this.state);
        this.state.add(command);
        cancel = () => cancellation.cancelAny(command);
      }
      CancellationScope.current()?.track(cancel);
    }
    Object.defineProperty(promise, 'cancel', { value: cancel });
    return promise;
  }
}

const policyOf = (policy: RetryPolicy | undefined) => (policy ? { policy, retryable: (e: unknown) => isRetryable(e, policy) } : undefined);
