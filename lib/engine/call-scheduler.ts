import type { Decision, DecisionType } from '@aws-sdk/client-swf';
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
import { CallCanceller } from './call-canceller';
import { SideEffectFailure } from './call-failures';
import { childWorkflowId } from './child-id';
import type { Command, CommandKind } from './command';
import { compact } from './compact';
import { formatDuration as duration } from '../swf';
import { Deferred } from './deferred';
import { MAX_PAYLOAD_LENGTH, truncate } from '../swf';
import { decodePayload, encodePayload } from '../swf';
import type { ReplayState } from './replay-state';

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
 * Turns workflow calls into commands: the next id of the kind, the SWF
 * decision, and the future the workflow awaits. Futures are marked so that `any`
 * and the timed waits can read when each settled.
 */
export class CallScheduler {
  private readonly canceller: CallCanceller;

  constructor(private readonly state: ReplayState) {
    this.canceller = new CallCanceller(state);
    state.onCancelRequested = (eventId) => this.canceller.cancelAll(eventId);
  }

  /** Once the activation's events are applied, before the workflow runs: see `CallCanceller.beforeActivation`. */
  beforeActivation(): void {
    this.canceller.beforeActivation();
  }

  /** Who is calling, for workflow call interceptors: read at each call. */
  get caller(): CallerView {
    const { workflowId, runId } = this.state.identity;
    return { workflowId, runId, isReplaying: this.state.replaying, tags: this.state.started?.tagList ?? [] };
  }

  deferredOf(future: object): Deferred<unknown> | undefined {
    return Deferred.of(future);
  }

  lambda(call: LambdaCallDefinition, input: unknown, options?: LambdaOptions): Promise<unknown> {
    const id = `lambda${this.state.nextSequence('lambda')}`;
    const timeout = options?.startToCloseTimeout ?? call.options.startToCloseTimeout;
    // SWF cannot cancel a Lambda function: its future has no cancel().
    return this.issue(
      'lambda',
      'ScheduleLambdaFunction',
      call.functionName,
      id,
      `Lambda ${call.functionName} (${id})`,
      input,
      (encoded) => ({
        decisionType: 'ScheduleLambdaFunction',
        scheduleLambdaFunctionDecisionAttributes: compact({
          id,
          name: call.functionName,
          input: encoded,
          startToCloseTimeout: duration(timeout),
        }),
      }),
    ).promise;
  }

  activity(call: ActivityCallDefinition, input: unknown, overrides?: ActivityCallOptions): CallFuture {
    const id = `activity${this.state.nextSequence('activity')}`;
    const o = { ...call.options, ...overrides };
    const { name, version } = call.activityType;
    return this.cancellable(
      'activity',
      'ScheduleActivityTask',
      `${name}@${version}`,
      id,
      `activity ${name}@${version} (${id})`,
      input,
      (encoded) => ({
        decisionType: 'ScheduleActivityTask',
        scheduleActivityTaskDecisionAttributes: compact({
          activityType: { name, version },
          activityId: id,
          input: encoded,
          taskList: o.taskList === undefined ? undefined : { name: o.taskList },
          scheduleToStartTimeout: duration(o.scheduleToStartTimeout),
          startToCloseTimeout: duration(o.startToCloseTimeout),
          scheduleToCloseTimeout: duration(o.scheduleToCloseTimeout),
          heartbeatTimeout: duration(o.heartbeatTimeout),
          taskPriority: o.taskPriority === undefined ? undefined : String(o.taskPriority),
        }),
      }),
    );
  }

  child(call: ChildWorkflowCallDefinition, input: unknown, overrides?: ChildWorkflowCallOptions): CallFuture {
    const sequence = this.state.nextSequence('child');
    const o = { ...call.options, ...overrides };
    const id = o.workflowId ?? childWorkflowId(this.state.identity.workflowId, sequence);
    const { name, version } = call.workflowType;
    return this.cancellable(
      'child',
      'StartChildWorkflowExecution',
      `${name}@${version}`,
      id,
      `child workflow ${name}@${version} (${id})`,
      input,
      (encoded) => ({
        decisionType: 'StartChildWorkflowExecution',
        startChildWorkflowExecutionDecisionAttributes: compact({
          workflowType: { name, version },
          workflowId: id,
          input: encoded,
          taskList: o.taskList === undefined ? undefined : { name: o.taskList },
          executionStartToCloseTimeout: duration(o.executionStartToCloseTimeout),
          taskStartToCloseTimeout: duration(o.taskStartToCloseTimeout),
          childPolicy: o.childPolicy,
          // A child runs its Lambdas with the parent's role unless told otherwise, as SWF does not pass it on.
          lambdaRole: o.lambdaRole ?? this.state.started?.lambdaRole,
          tagList: o.tagList,
          taskPriority: o.taskPriority === undefined ? undefined : String(o.taskPriority),
        }),
      }),
    );
  }

  timer(seconds: number): TimerFuture {
    const id = `timer${this.state.nextSequence('timer')}`;
    const future = new Deferred<unknown>();
    const command: Command = {
      kind: 'timer',
      decisionType: 'StartTimer',
      label: '',
      id,
      decision: { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: id, startToFireTimeout: String(seconds) } },
      state: 'unsent',
      future,
    };
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
    Object.defineProperty(timer, 'cancel', { value: () => this.canceller.cancelTimer(command) });
    return timer;
  }

  /** Runs `fn` once and records its outcome in a marker; on replay the marker's value is returned instead. */
  sideEffect<T>(fn: () => T): Promise<T> {
    const name = `sideEffect${this.state.nextSequence('side-effect')}`;
    const future = new Deferred<unknown>();
    const details = this.state.markers.has(name) ? this.state.markers.get(name) : runOnce(fn);
    if (!this.state.finished) {
      this.state.add({
        kind: 'marker',
        decisionType: 'RecordMarker',
        label: name,
        id: name,
        decision: { decisionType: 'RecordMarker', recordMarkerDecisionAttributes: compact({ markerName: name, details }) },
        state: 'unsent',
      });
    }
    // The first run gets the value back from its JSON too, so it sees exactly what replays will see.
    const recorded = (decodePayload(details, `The marker ${name}`) ?? {}) as {
      value?: unknown;
      error?: { name: string; message: string; stack?: string };
    };
    if (recorded.error) {
      const { name: errorName, message, stack } = recorded.error;
      this.state.reject(future, new SideEffectFailure(errorName, message, stack, { callId: name, eventId: 0 }));
    } else {
      this.state.resolve(future, recorded.value);
    }
    return future.promise as Promise<T>;
  }

  private cancellable(...args: Parameters<CallScheduler['issue']>): CallFuture {
    const { promise, command } = this.issue(...args);
    Object.defineProperty(promise, 'cancel', { value: () => command && this.canceller.cancelCall(command) });
    return promise as CallFuture;
  }

  private issue(
    kind: CommandKind,
    decisionType: DecisionType,
    label: string,
    id: string,
    what: string,
    input: unknown,
    build: (encoded: string | undefined) => Decision,
  ): { promise: Promise<unknown>; command?: Command } {
    const future = new Deferred<unknown>();
    let encoded: string | undefined;
    try {
      encoded = encodePayload(input, `The input of ${what}`);
    } catch (error) {
      // SWF would refuse the decision; the workflow gets the error on this call and may catch it.
      this.state.reject(future, error);
      return { promise: future.promise };
    }
    // After the workflow finished, further calls are never sent and never settle.
    if (this.state.finished) return { promise: future.promise };
    const command: Command = { kind, decisionType, label, id, decision: build(encoded), state: 'unsent', future };
    this.state.add(command);
    return { promise: future.promise, command };
  }
}

function runOnce(fn: () => unknown): string {
  try {
    const value = fn();
    if (value !== null && typeof (value as { then?: unknown })?.then === 'function') {
      throw new TsflowError(
        'sideEffect takes a synchronous function; its value is recorded before the workflow goes on. Await outside of it.',
      );
    }
    const text = JSON.stringify({ value });
    if (text.length > MAX_PAYLOAD_LENGTH) {
      throw new TsflowError(`The side effect's value is ${text.length} characters of JSON; a marker holds at most ${MAX_PAYLOAD_LENGTH}.`);
    }
    return text;
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return JSON.stringify({ error: { name: e.name, message: truncate(e.message, 4_096), stack: truncate(e.stack ?? '', 16_384) } });
  }
}
