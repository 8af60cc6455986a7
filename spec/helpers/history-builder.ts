import type { Decision, EventType, HistoryEvent } from '@aws-sdk/client-swf';
import type { DecisionTaskInput } from '../../engine';

/** A result or input sent as this exact text, not JSON-encoded (to test text that is not JSON). */
export class Raw {
  constructor(readonly text: string) {}
}
export const raw = (text: string): Raw => new Raw(text);
const encode = (value: unknown): string | undefined =>
  value instanceof Raw ? value.text : value === undefined ? undefined : JSON.stringify(value);

export interface BuilderOptions {
  workflowType?: { name: string; version: string };
  workflowId?: string;
  runId?: string;
  lambdaRole?: string;
  start?: Date;
}

type Attributes = Record<string, unknown>;

/**
 * Builds SWF histories the way SWF writes them, for engine specs: ids in order,
 * decision records after their DecisionTaskCompleted, completions pointing at
 * their scheduled/started events.
 *
 * @example
 * ```ts
 * const h = HistoryBuilder.start(['a', 'b']).decisionTask();
 * const first = await decide(MyWorkflow, h.task());
 * h.completed(first.decisions).lambdaStarted('lambda1').lambdaCompleted('lambda1', 'A').decisionTask();
 * ```
 */
export class HistoryBuilder {
  readonly events: HistoryEvent[] = [];
  private clock: number;
  private lastCompleted = 0;
  private previousStarted = 0;
  private lastStarted = 0;
  private scheduledTask = 0;
  private readonly ids = new Map<string, number>();

  private constructor(readonly options: Required<Omit<BuilderOptions, 'lambdaRole'>> & { lambdaRole?: string }) {
    this.clock = options.start.getTime();
  }

  static start(input?: unknown, options: BuilderOptions = {}): HistoryBuilder {
    const builder = new HistoryBuilder({
      workflowType: options.workflowType ?? { name: 'Test', version: '1' },
      workflowId: options.workflowId ?? 'test-workflow',
      runId: options.runId ?? 'test-run',
      start: options.start ?? new Date('2026-01-01T00:00:00Z'),
      lambdaRole: options.lambdaRole,
    });
    return builder.add('WorkflowExecutionStarted', {
      input: encode(input),
      lambdaRole: options.lambdaRole,
      childPolicy: 'TERMINATE',
      taskList: { name: 'decider' },
      parentInitiatedEventId: 0,
    });
  }

  get lastEventId(): number {
    return this.events.length;
  }

  /** Moves the clock forward; events are otherwise 10 ms apart. */
  wait(seconds: number): this {
    this.clock += seconds * 1000;
    return this;
  }

  /** A decision task is scheduled and started: the end of an activation once it completes. */
  decisionTask(): this {
    return this.decisionScheduled().decisionStarted();
  }

  decisionScheduled(): this {
    this.add('DecisionTaskScheduled', { taskList: { name: 'decider' }, startToCloseTimeout: '60' });
    this.scheduledTask = this.lastEventId;
    return this;
  }

  decisionStarted(): this {
    this.add('DecisionTaskStarted', { scheduledEventId: this.scheduledTask, identity: 'spec' });
    this.lastStarted = this.lastEventId;
    return this;
  }

  decisionTimedOut(): this {
    return this.add('DecisionTaskTimedOut', {
      scheduledEventId: this.scheduledTask,
      startedEventId: this.lastStarted,
      timeoutType: 'START_TO_CLOSE',
    });
  }

  /** The decider answered the started task with `decisions`; SWF records each one as its event. */
  completed(decisions: readonly Decision[] = [], executionContext?: string): this {
    this.add('DecisionTaskCompleted', { scheduledEventId: this.scheduledTask, startedEventId: this.lastStarted, executionContext });
    this.lastCompleted = this.lastEventId;
    this.previousStarted = this.lastStarted;
    for (const decision of decisions) this.record(decision);
    return this;
  }

  /** The decision task to hand to `decide()`: the whole history up to the last DecisionTaskStarted. */
  task(): DecisionTaskInput {
    return {
      taskToken: 'token',
      startedEventId: this.lastStarted,
      previousStartedEventId: this.previousStarted,
      workflowExecution: { workflowId: this.options.workflowId, runId: this.options.runId },
      workflowType: this.options.workflowType,
      events: [...this.events],
    };
  }

  // Lambda functions.
  lambdaScheduled(id: string, name: string, input?: unknown): this {
    return this.remember(
      'lambda',
      id,
      this.add('LambdaFunctionScheduled', { id, name, input: encode(input), decisionTaskCompletedEventId: this.lastCompleted }),
    );
  }
  lambdaStarted(id: string): this {
    return this.remember('lambda-started', id, this.add('LambdaFunctionStarted', { scheduledEventId: this.idOf('lambda', id) }));
  }
  lambdaCompleted(id: string, result?: unknown): this {
    return this.add('LambdaFunctionCompleted', {
      scheduledEventId: this.idOf('lambda', id),
      startedEventId: this.ids.get(`lambda-started:${id}`),
      result: encode(result),
    });
  }
  lambdaFailed(id: string, reason: string, details?: string): this {
    return this.add('LambdaFunctionFailed', {
      scheduledEventId: this.idOf('lambda', id),
      startedEventId: this.ids.get(`lambda-started:${id}`),
      reason,
      details,
    });
  }
  lambdaTimedOut(id: string): this {
    return this.add('LambdaFunctionTimedOut', {
      scheduledEventId: this.idOf('lambda', id),
      startedEventId: this.ids.get(`lambda-started:${id}`),
      timeoutType: 'START_TO_CLOSE',
    });
  }
  startLambdaFailed(id: string, cause: string, message?: string): this {
    return this.add('StartLambdaFunctionFailed', { scheduledEventId: this.idOf('lambda', id), cause, message });
  }

  // Activities.
  activityStarted(id: string): this {
    return this.remember(
      'activity-started',
      id,
      this.add('ActivityTaskStarted', { scheduledEventId: this.idOf('activity', id), identity: 'worker' }),
    );
  }
  activityCompleted(id: string, result?: unknown): this {
    return this.add('ActivityTaskCompleted', {
      scheduledEventId: this.idOf('activity', id),
      startedEventId: this.ids.get(`activity-started:${id}`),
      result: encode(result),
    });
  }
  activityFailed(id: string, reason: string, details?: string): this {
    return this.add('ActivityTaskFailed', {
      scheduledEventId: this.idOf('activity', id),
      startedEventId: this.ids.get(`activity-started:${id}`),
      reason,
      details,
    });
  }
  activityTimedOut(id: string, timeoutType: string, details?: string): this {
    return this.add('ActivityTaskTimedOut', {
      scheduledEventId: this.idOf('activity', id),
      startedEventId: this.ids.get(`activity-started:${id}`),
      timeoutType,
      details,
    });
  }
  activityCanceled(id: string, details?: string): this {
    return this.add('ActivityTaskCanceled', {
      scheduledEventId: this.idOf('activity', id),
      startedEventId: this.ids.get(`activity-started:${id}`),
      latestCancelRequestedEventId: this.ids.get(`cancel-activity:${id}`),
      details,
    });
  }

  // Child workflows.
  childStarted(workflowId: string, runId = `${workflowId}-run`): this {
    const initiatedEventId = this.idOf('child', workflowId);
    return this.add('ChildWorkflowExecutionStarted', {
      initiatedEventId,
      workflowExecution: { workflowId, runId },
      workflowType: this.childTypes.get(workflowId),
    });
  }
  childCompleted(workflowId: string, result?: unknown): this {
    return this.childEvent('ChildWorkflowExecutionCompleted', workflowId, { result: encode(result) });
  }
  childFailed(workflowId: string, reason: string, details?: string): this {
    return this.childEvent('ChildWorkflowExecutionFailed', workflowId, { reason, details });
  }
  childTimedOut(workflowId: string): this {
    return this.childEvent('ChildWorkflowExecutionTimedOut', workflowId, { timeoutType: 'START_TO_CLOSE' });
  }
  childCanceled(workflowId: string, details?: string): this {
    return this.childEvent('ChildWorkflowExecutionCanceled', workflowId, { details });
  }
  childTerminated(workflowId: string): this {
    return this.childEvent('ChildWorkflowExecutionTerminated', workflowId, {});
  }

  /** SWF asked the child to cancel (after `RequestCancelExternalWorkflowExecutionInitiated`). */
  childCancelRequested(workflowId: string): this {
    return this.add('ExternalWorkflowExecutionCancelRequested', {
      initiatedEventId: this.idOf('cancel-external', workflowId),
      workflowExecution: { workflowId, runId: `${workflowId}-run` },
    });
  }
  /** SWF could not find the child to cancel (it had closed). */
  childCancelFailed(workflowId: string, cause = 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION'): this {
    return this.add('RequestCancelExternalWorkflowExecutionFailed', {
      workflowId,
      runId: `${workflowId}-run`,
      cause,
      initiatedEventId: this.idOf('cancel-external', workflowId),
      decisionTaskCompletedEventId: this.lastCompleted,
    });
  }

  // Timers and markers.
  timerFired(timerId: string): this {
    return this.add('TimerFired', { timerId, startedEventId: this.idOf('timer', timerId) });
  }

  /** `RequestCancelWorkflowExecution` reached the execution. */
  cancelRequested(): this {
    return this.add('WorkflowExecutionCancelRequested', {});
  }

  /** The signal an external signal decision sent (by signal name) was delivered, or failed with `cause`. */
  externalSignaled(signalName: string): this {
    return this.add('ExternalWorkflowExecutionSignaled', { initiatedEventId: this.idOf('signal', signalName) });
  }

  externalSignalFailed(signalName: string, cause = 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION'): this {
    return this.add('SignalExternalWorkflowExecutionFailed', {
      initiatedEventId: this.idOf('signal', signalName),
      cause,
      decisionTaskCompletedEventId: this.lastCompleted,
    });
  }

  /** An event no decision caused, e.g. a signal. */
  signaled(signalName: string, input?: unknown): this {
    return this.add('WorkflowExecutionSignaled', { signalName, input: encode(input) });
  }

  /** Any event, for types the builder has no method for (or that SWF may add). */
  add(eventType: EventType | string, attributes: Attributes): this {
    const key = `${eventType.charAt(0).toLowerCase()}${eventType.slice(1)}EventAttributes`;
    this.clock += 10;
    const clean = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined));
    this.events.push({
      eventId: this.events.length + 1,
      eventType: eventType as EventType,
      eventTimestamp: new Date(this.clock),
      [key]: clean,
    } as HistoryEvent);
    return this;
  }

  private readonly childTypes = new Map<string, unknown>();

  private childEvent(eventType: EventType, workflowId: string, attributes: Attributes): this {
    const initiatedEventId = this.idOf('child', workflowId);
    return this.add(eventType, {
      initiatedEventId,
      workflowExecution: { workflowId, runId: `${workflowId}-run` },
      workflowType: this.childTypes.get(workflowId),
      ...attributes,
    });
  }

  /** The event SWF writes for an accepted decision (or its *Failed event, with `failWith`). */
  private record(decision: Decision): void {
    const d = this.lastCompleted;
    switch (decision.decisionType) {
      case 'ScheduleLambdaFunction': {
        const a = decision.scheduleLambdaFunctionDecisionAttributes!;
        this.remember('lambda', a.id!, this.add('LambdaFunctionScheduled', { ...a, decisionTaskCompletedEventId: d }));
        return;
      }
      case 'ScheduleActivityTask': {
        const a = decision.scheduleActivityTaskDecisionAttributes!;
        this.remember('activity', a.activityId!, this.add('ActivityTaskScheduled', { ...a, decisionTaskCompletedEventId: d }));
        return;
      }
      case 'StartChildWorkflowExecution': {
        const a = decision.startChildWorkflowExecutionDecisionAttributes!;
        this.childTypes.set(a.workflowId!, a.workflowType);
        this.remember('child', a.workflowId!, this.add('StartChildWorkflowExecutionInitiated', { ...a, decisionTaskCompletedEventId: d }));
        return;
      }
      case 'StartTimer': {
        const a = decision.startTimerDecisionAttributes!;
        this.remember('timer', a.timerId!, this.add('TimerStarted', { ...a, decisionTaskCompletedEventId: d }));
        return;
      }
      case 'CancelTimer': {
        const a = decision.cancelTimerDecisionAttributes!;
        this.add('TimerCanceled', { timerId: a.timerId, startedEventId: this.idOf('timer', a.timerId!), decisionTaskCompletedEventId: d });
        return;
      }
      case 'RecordMarker': {
        const a = decision.recordMarkerDecisionAttributes!;
        this.add('MarkerRecorded', { ...a, decisionTaskCompletedEventId: d });
        return;
      }
      case 'RequestCancelActivityTask': {
        const a = decision.requestCancelActivityTaskDecisionAttributes!;
        this.remember('cancel-activity', a.activityId!, this.add('ActivityTaskCancelRequested', { ...a, decisionTaskCompletedEventId: d }));
        return;
      }
      case 'RequestCancelExternalWorkflowExecution': {
        const a = decision.requestCancelExternalWorkflowExecutionDecisionAttributes!;
        this.remember(
          'cancel-external',
          a.workflowId!,
          this.add('RequestCancelExternalWorkflowExecutionInitiated', { ...a, decisionTaskCompletedEventId: d }),
        );
        return;
      }
      case 'SignalExternalWorkflowExecution': {
        const a = decision.signalExternalWorkflowExecutionDecisionAttributes!;
        this.remember(
          'signal',
          a.signalName!,
          this.add('SignalExternalWorkflowExecutionInitiated', { ...a, decisionTaskCompletedEventId: d }),
        );
        return;
      }
      case 'ContinueAsNewWorkflowExecution':
        this.add('WorkflowExecutionContinuedAsNew', {
          ...decision.continueAsNewWorkflowExecutionDecisionAttributes,
          newExecutionRunId: `${this.options.runId}-next`,
          decisionTaskCompletedEventId: d,
        });
        return;
      case 'CompleteWorkflowExecution':
        this.add('WorkflowExecutionCompleted', {
          ...decision.completeWorkflowExecutionDecisionAttributes,
          decisionTaskCompletedEventId: d,
        });
        return;
      case 'CancelWorkflowExecution':
        this.add('WorkflowExecutionCanceled', { ...decision.cancelWorkflowExecutionDecisionAttributes, decisionTaskCompletedEventId: d });
        return;
      case 'FailWorkflowExecution':
        this.add('WorkflowExecutionFailed', { ...decision.failWorkflowExecutionDecisionAttributes, decisionTaskCompletedEventId: d });
        return;
      default:
        throw new Error(`HistoryBuilder cannot record ${decision.decisionType} yet`);
    }
  }

  /** Records a decision as refused by SWF (e.g. ScheduleActivityTaskFailed), instead of accepted. */
  refused(decision: Decision, cause: string): this {
    const d = this.lastCompleted;
    switch (decision.decisionType) {
      case 'ScheduleLambdaFunction': {
        const a = decision.scheduleLambdaFunctionDecisionAttributes!;
        return this.add('ScheduleLambdaFunctionFailed', { id: a.id, name: a.name, cause, decisionTaskCompletedEventId: d });
      }
      case 'ScheduleActivityTask': {
        const a = decision.scheduleActivityTaskDecisionAttributes!;
        return this.add('ScheduleActivityTaskFailed', {
          activityId: a.activityId,
          activityType: a.activityType,
          cause,
          decisionTaskCompletedEventId: d,
        });
      }
      case 'StartChildWorkflowExecution': {
        const a = decision.startChildWorkflowExecutionDecisionAttributes!;
        return this.add('StartChildWorkflowExecutionFailed', {
          workflowId: a.workflowId,
          workflowType: a.workflowType,
          cause,
          initiatedEventId: 0,
          decisionTaskCompletedEventId: d,
        });
      }
      case 'StartTimer': {
        const a = decision.startTimerDecisionAttributes!;
        return this.add('StartTimerFailed', { timerId: a.timerId, cause, decisionTaskCompletedEventId: d });
      }
      case 'RequestCancelActivityTask': {
        const a = decision.requestCancelActivityTaskDecisionAttributes!;
        return this.add('RequestCancelActivityTaskFailed', { activityId: a.activityId, cause, decisionTaskCompletedEventId: d });
      }
      case 'RequestCancelExternalWorkflowExecution': {
        const a = decision.requestCancelExternalWorkflowExecutionDecisionAttributes!;
        return this.add('RequestCancelExternalWorkflowExecutionFailed', {
          ...a,
          cause,
          initiatedEventId: 0,
          decisionTaskCompletedEventId: d,
        });
      }
      case 'CompleteWorkflowExecution':
      case 'FailWorkflowExecution':
      case 'CancelWorkflowExecution':
        // e.g. UNHANDLED_DECISION: events arrived while the decision task was started.
        return this.add(`${decision.decisionType}Failed`, { cause, decisionTaskCompletedEventId: d });
      default:
        throw new Error(`HistoryBuilder cannot refuse ${decision.decisionType} yet`);
    }
  }

  /** DecisionTaskCompleted, then each decision recorded, or refused when `refuse` names its index. */
  completedWith(decisions: readonly Decision[], refuse: Record<number, string>): this {
    this.completed([]);
    decisions.forEach((decision, i) => (refuse[i] === undefined ? this.record(decision) : this.refused(decision, refuse[i])));
    return this;
  }

  private remember(kind: string, id: string, builder: this): this {
    this.ids.set(`${kind}:${id}`, this.lastEventId);
    return builder;
  }

  private idOf(kind: string, id: string): number {
    const eventId = this.ids.get(`${kind}:${id}`);
    if (eventId === undefined) throw new Error(`HistoryBuilder: no ${kind} ${id} was scheduled`);
    return eventId;
  }
}
