import type { EventType } from '@aws-sdk/client-swf';
import { ActivityFailure, ChildWorkflowFailure, CancelledFailure, LambdaFailure, ScheduleFailure, TimeoutFailure } from './call-failures';
import type { HistoryEventInput } from './history.types';
import type { ReplayState } from './replay-state';
import { settleFailure, settleResult } from './settle';

type Handler = (state: ReplayState, event: HistoryEventInput, eventId: number) => void;

/**
 * One handler per SWF event type. The mapped type makes the table exhaustive:
 * when the SDK adds an event type, this file stops compiling until it is handled.
 */
export type EventHandlers = { readonly [K in EventType]: Handler };

const accept: Handler = () => undefined;
const typeLabel = (type: { name?: string; version?: string } | undefined): string => `${type?.name ?? ''}@${type?.version ?? ''}`;

export const eventHandlers: EventHandlers = {
  // The execution itself.
  WorkflowExecutionStarted: (s, e) => {
    const a = e.workflowExecutionStartedEventAttributes;
    const parent = a?.parentWorkflowExecution;
    s.started = {
      input: a?.input,
      lambdaRole: a?.lambdaRole,
      parent: parent?.workflowId && parent.runId ? { workflowId: parent.workflowId, runId: parent.runId } : undefined,
      tagList: a?.tagList ?? [],
    };
  },
  WorkflowExecutionCompleted: (s, _e, id) => s.recordOutcome(id, 'CompleteWorkflowExecution'),
  WorkflowExecutionFailed: (s, _e, id) => s.recordOutcome(id, 'FailWorkflowExecution'),
  // SWF refused the outcome (typically UNHANDLED_DECISION: new events arrived); the next response repeats it.
  CompleteWorkflowExecutionFailed: (s) => void (s.outcomeRecorded = false),
  FailWorkflowExecutionFailed: (s) => void (s.outcomeRecorded = false),
  CancelWorkflowExecutionFailed: (s) => void (s.outcomeRecorded = false),
  // tsflow never continues as new yet, so a record of it is a decision this workflow did not make.
  ContinueAsNewWorkflowExecutionFailed: (s, _e, id) => void s.recorded(id, 'ContinueAsNewWorkflowExecution', '', undefined),
  WorkflowExecutionCanceled: (s, _e, id) => s.recordOutcome(id, 'CancelWorkflowExecution'),
  WorkflowExecutionContinuedAsNew: (s) => void (s.closed = true),
  WorkflowExecutionTerminated: (s) => void (s.closed = true),
  WorkflowExecutionTimedOut: (s) => void (s.closed = true),
  // Signals are accepted; workflows cannot observe them yet.
  WorkflowExecutionSignaled: accept,
  // Rejects its Lambdas and timers now; cancels timers, activities and children at the activation's end (CallScheduler.cancelAll).
  WorkflowExecutionCancelRequested: (s, _e, id) => s.requestCancel(id),

  // Decision tasks delimit activations; that is computed before events are applied.
  DecisionTaskScheduled: accept,
  DecisionTaskStarted: accept,
  DecisionTaskCompleted: accept,
  DecisionTaskTimedOut: accept,

  // Lambda functions.
  LambdaFunctionScheduled: (s, e, id) => {
    const a = e.lambdaFunctionScheduledEventAttributes;
    s.recorded(id, 'ScheduleLambdaFunction', a?.name ?? '', a?.id);
  },
  ScheduleLambdaFunctionFailed: (s, e, id) => {
    const a = e.scheduleLambdaFunctionFailedEventAttributes;
    const command = s.recorded(id, 'ScheduleLambdaFunction', a?.name ?? '', a?.id);
    settleFailure(s, command, id, (o) => new ScheduleFailure(a?.cause, 'ScheduleLambdaFunctionFailed', o));
  },
  LambdaFunctionStarted: accept,
  LambdaFunctionCompleted: (s, e, id) => {
    const a = e.lambdaFunctionCompletedEventAttributes;
    settleResult(s, s.take(a?.scheduledEventId), id, a?.result);
  },
  LambdaFunctionFailed: (s, e, id) => {
    const a = e.lambdaFunctionFailedEventAttributes;
    settleFailure(s, s.take(a?.scheduledEventId), id, (o) => new LambdaFailure(a?.reason, a?.details, o));
  },
  LambdaFunctionTimedOut: (s, e, id) => {
    const a = e.lambdaFunctionTimedOutEventAttributes;
    settleFailure(s, s.take(a?.scheduledEventId), id, (o) => new TimeoutFailure(a?.timeoutType, undefined, o));
  },
  StartLambdaFunctionFailed: (s, e, id) => {
    const a = e.startLambdaFunctionFailedEventAttributes;
    settleFailure(s, s.take(a?.scheduledEventId), id, (o) => new ScheduleFailure(a?.cause, 'StartLambdaFunctionFailed', o, a?.message));
  },

  // Activities.
  ActivityTaskScheduled: (s, e, id) => {
    const a = e.activityTaskScheduledEventAttributes;
    s.recorded(id, 'ScheduleActivityTask', typeLabel(a?.activityType), a?.activityId);
  },
  ScheduleActivityTaskFailed: (s, e, id) => {
    const a = e.scheduleActivityTaskFailedEventAttributes;
    const command = s.recorded(id, 'ScheduleActivityTask', typeLabel(a?.activityType), a?.activityId);
    settleFailure(s, command, id, (o) => new ScheduleFailure(a?.cause, 'ScheduleActivityTaskFailed', o));
  },
  ActivityTaskStarted: accept,
  ActivityTaskCompleted: (s, e, id) => {
    const a = e.activityTaskCompletedEventAttributes;
    settleResult(s, s.take(a?.scheduledEventId), id, a?.result);
  },
  ActivityTaskFailed: (s, e, id) => {
    const a = e.activityTaskFailedEventAttributes;
    settleFailure(s, s.take(a?.scheduledEventId), id, (o) => new ActivityFailure(a?.reason, a?.details, o));
  },
  ActivityTaskTimedOut: (s, e, id) => {
    const a = e.activityTaskTimedOutEventAttributes;
    settleFailure(s, s.take(a?.scheduledEventId), id, (o) => new TimeoutFailure(a?.timeoutType, a?.details, o));
  },
  ActivityTaskCanceled: (s, e, id) => {
    const a = e.activityTaskCanceledEventAttributes;
    settleFailure(s, s.take(a?.scheduledEventId), id, (o) => new CancelledFailure(a?.details, o));
  },
  // Records of RequestCancelActivityTask. The activity's future settles with what its worker reports; when
  // the request failed (ACTIVITY_ID_UNKNOWN: it had already closed), history holds its outcome already.
  ActivityTaskCancelRequested: (s, e, id) =>
    void s.confirmed(id, 'RequestCancelActivityTask', '', e.activityTaskCancelRequestedEventAttributes?.activityId),
  RequestCancelActivityTaskFailed: (s, e, id) =>
    void s.confirmed(id, 'RequestCancelActivityTask', '', e.requestCancelActivityTaskFailedEventAttributes?.activityId),

  // Child workflows.
  StartChildWorkflowExecutionInitiated: (s, e, id) => {
    const a = e.startChildWorkflowExecutionInitiatedEventAttributes;
    s.recorded(id, 'StartChildWorkflowExecution', typeLabel(a?.workflowType), a?.workflowId);
  },
  StartChildWorkflowExecutionFailed: (s, e, id) => {
    const a = e.startChildWorkflowExecutionFailedEventAttributes;
    // With WORKFLOW_ALREADY_RUNNING the start was initiated (and matched) before; otherwise this event is the record.
    const command =
      s.take(a?.initiatedEventId || undefined) ?? s.recorded(id, 'StartChildWorkflowExecution', typeLabel(a?.workflowType), a?.workflowId);
    settleFailure(s, command, id, (o) => new ScheduleFailure(a?.cause, 'StartChildWorkflowExecutionFailed', o));
  },
  // The child's run id, which a later RequestCancelExternalWorkflowExecution names.
  ChildWorkflowExecutionStarted: (s, e) => {
    const a = e.childWorkflowExecutionStartedEventAttributes;
    const command = s.peek(a?.initiatedEventId);
    if (command) command.runId = a?.workflowExecution?.runId;
  },
  ChildWorkflowExecutionCompleted: (s, e, id) => {
    const a = e.childWorkflowExecutionCompletedEventAttributes;
    settleResult(s, s.take(a?.initiatedEventId), id, a?.result);
  },
  ChildWorkflowExecutionFailed: (s, e, id) => {
    const a = e.childWorkflowExecutionFailedEventAttributes;
    settleFailure(s, s.take(a?.initiatedEventId), id, (o) => new ChildWorkflowFailure(a?.reason, a?.details, o));
  },
  ChildWorkflowExecutionTimedOut: (s, e, id) => {
    const a = e.childWorkflowExecutionTimedOutEventAttributes;
    settleFailure(s, s.take(a?.initiatedEventId), id, (o) => new TimeoutFailure(a?.timeoutType, undefined, o));
  },
  ChildWorkflowExecutionCanceled: (s, e, id) => {
    const a = e.childWorkflowExecutionCanceledEventAttributes;
    settleFailure(s, s.take(a?.initiatedEventId), id, (o) => new CancelledFailure(a?.details, o));
  },
  ChildWorkflowExecutionTerminated: (s, e, id) => {
    const a = e.childWorkflowExecutionTerminatedEventAttributes;
    settleFailure(s, s.take(a?.initiatedEventId), id, (o) => new ChildWorkflowFailure('ChildWorkflowExecutionTerminated', undefined, o));
  },

  // Timers.
  TimerStarted: (s, e, id) => {
    const a = e.timerStartedEventAttributes;
    if (!s.recordContinueTimer(a?.timerId)) s.recorded(id, 'StartTimer', '', a?.timerId);
  },
  StartTimerFailed: (s, e, id) => {
    const a = e.startTimerFailedEventAttributes;
    if (s.recordContinueTimer(a?.timerId)) return;
    const command = s.recorded(id, 'StartTimer', '', a?.timerId);
    settleFailure(s, command, id, (o) => new ScheduleFailure(a?.cause, 'StartTimerFailed', o));
  },
  TimerFired: (s, e) => s.resolve(s.take(e.timerFiredEventAttributes?.startedEventId)?.future, undefined),
  // The workflow's timer future was settled when it called cancel(); these only confirm the CancelTimer decision.
  TimerCanceled: (s, e, id) => {
    const a = e.timerCanceledEventAttributes;
    s.confirmed(id, 'CancelTimer', '', a?.timerId);
    s.take(a?.startedEventId);
  },
  CancelTimerFailed: (s, e, id) => void s.confirmed(id, 'CancelTimer', '', e.cancelTimerFailedEventAttributes?.timerId),

  // Markers: sideEffect values are read from an index built before replay; these confirm the RecordMarker decision.
  MarkerRecorded: (s, e, id) => {
    const name = e.markerRecordedEventAttributes?.markerName ?? '';
    s.recorded(id, 'RecordMarker', name, name);
  },
  RecordMarkerFailed: (s, e, id) => {
    const name = e.recordMarkerFailedEventAttributes?.markerName ?? '';
    s.recorded(id, 'RecordMarker', name, name);
  },

  // Signalling other executions: tsflow does not decide these yet.
  SignalExternalWorkflowExecutionInitiated: (s, _e, id) => void s.recorded(id, 'SignalExternalWorkflowExecution', '', undefined),
  SignalExternalWorkflowExecutionFailed: (s, _e, id) => void s.recorded(id, 'SignalExternalWorkflowExecution', '', undefined),
  ExternalWorkflowExecutionSignaled: accept,
  // Cancelling a child. The child's future settles with its own outcome event; a failed request
  // (UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION: it had already closed) changes nothing.
  RequestCancelExternalWorkflowExecutionInitiated: (s, e, id) =>
    void s.recorded(
      id,
      'RequestCancelExternalWorkflowExecution',
      '',
      e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes?.workflowId,
    ),
  RequestCancelExternalWorkflowExecutionFailed: (s, e, id) => {
    const a = e.requestCancelExternalWorkflowExecutionFailedEventAttributes;
    // After an Initiated event it reports on that; without one (initiatedEventId 0) it is the decision's record.
    if (!s.take(a?.initiatedEventId || undefined)) s.confirmed(id, 'RequestCancelExternalWorkflowExecution', '', a?.workflowId);
  },
  ExternalWorkflowExecutionCancelRequested: (s, e) =>
    void s.take(e.externalWorkflowExecutionCancelRequestedEventAttributes?.initiatedEventId),
};

/** Applies one event; event types newer than this SDK's list are accepted and ignored. */
export function applyEvent(state: ReplayState, event: HistoryEventInput): void {
  const handler = eventHandlers[event.eventType as EventType] as Handler | undefined;
  handler?.(state, event, event.eventId ?? 0);
}
