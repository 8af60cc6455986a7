import type { ChildWorkflowCallOptions } from '../decorators/call.types';
import type {
  ActivityCallDefinition,
  ActivityCallOptions,
  ChildWorkflowCallDefinition,
  LambdaCallDefinition,
  LambdaOptions,
} from '../metadata';
import { TsflowError } from '../errors/tsflow.error';
import type { CallerView } from '../interceptors/workflow-interceptor.types';
import { encodePayload, formatDuration, formatPriority } from '../swf';
import { SideEffectFailure } from './call-failures';
import { childWorkflowId } from './child-id';
import { ActivityCommand, ChildCommand, LambdaCommand, MarkerCommand, TimerCommand, type CallCommand } from './commands';
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

/** An activity's or child workflow's future, with the `cancel()` its call type promises (`CancellableCall`). */
type CallFuture = Promise<unknown> & { cancel(): void };

/**
 * Turns workflow calls into commands: the next id of the kind, the command
 * that builds its decisions, and the future the workflow awaits. A call whose
 * input SWF could not carry rejects at once (the workflow may catch it); calls
 * made after the workflow reached its outcome are never sent and never settle.
 */
export class CallScheduler {
  constructor(private readonly state: ReplayState) {}

  /** Who is calling, for workflow call interceptors: read at each call. */
  get caller(): CallerView {
    const { workflowId, runId } = this.state.identity;
    return { workflowId, runId, isReplaying: this.state.replaying, tags: this.state.started?.tagList ?? [] };
  }

  lambda(call: LambdaCallDefinition, input: unknown, options?: LambdaOptions): Promise<unknown> {
    const id = `lambda${this.state.nextSequence('lambda')}`;
    const timeout = options?.startToCloseTimeout ?? call.options.startToCloseTimeout;
    return this.issue(`Lambda ${call.functionName} (${id})`, input, (encoded, future) => {
      const attributes = compact({ name: call.functionName, input: encoded, startToCloseTimeout: formatDuration(timeout) });
      return new LambdaCommand(id, call.functionName, attributes, future, this.state);
    }).promise;
  }

  activity(call: ActivityCallDefinition, input: unknown, overrides?: ActivityCallOptions): CallFuture {
    const id = `activity${this.state.nextSequence('activity')}`;
    const o = { ...call.options, ...overrides };
    const { name, version } = call.activityType;
    return this.cancellable(
      this.issue(`activity ${name}@${version} (${id})`, input, (encoded, future) => {
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
        return new ActivityCommand(id, `${name}@${version}`, attributes, future, this.state);
      }),
    );
  }

  child(call: ChildWorkflowCallDefinition, input: unknown, overrides?: ChildWorkflowCallOptions): CallFuture {
    const sequence = this.state.nextSequence('child');
    const o = { ...call.options, ...overrides };
    const id = o.workflowId ?? childWorkflowId(this.state.identity.workflowId, sequence);
    const { name, version } = call.workflowType;
    return this.cancellable(
      this.issue(`child workflow ${name}@${version} (${id})`, input, (encoded, future) => {
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
        return new ChildCommand(id, `${name}@${version}`, attributes, future, this.state);
      }),
    );
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
    Object.defineProperty(timer, 'cancel', { value: () => this.state.cancellation.cancelTimer(command) });
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

  private cancellable(issued: { promise: Promise<unknown>; command?: CallCommand }): CallFuture {
    const { promise, command } = issued;
    Object.defineProperty(promise, 'cancel', { value: () => command && this.state.cancellation.cancelCall(command) });
    return promise as CallFuture;
  }

  private issue(
    what: string,
    input: unknown,
    build: (encoded: string | undefined, future: Deferred<unknown>) => CallCommand,
  ): { promise: Promise<unknown>; command?: CallCommand } {
    const future = new Deferred<unknown>();
    let encoded: string | undefined;
    try {
      encoded = encodePayload(input, `The input of ${what}`);
    } catch (error) {
      // SWF would refuse the decision; the workflow gets the error on this call and may catch it.
      this.state.reject(future, error);
      return { promise: future.promise };
    }
    if (this.state.finished) return { promise: future.promise };
    const command = build(encoded, future);
    this.state.add(command);
    return { promise: future.promise, command };
  }
}
