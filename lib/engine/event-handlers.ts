import type { EventType } from '@aws-sdk/client-swf';
import { ActivityFailure, CancelledFailure, ChildWorkflowFailure, LambdaFailure, ScheduleFailure, TimeoutFailure } from './call-failures';
import {
  ActivityCommand,
  CancelExternalCommand,
  ChildCommand,
  LambdaCommand,
  MarkerCommand,
  OutcomeCommand,
  SignalExternalCommand,
  TimerCommand,
  type CallCommand,
} from './commands';
import { TsflowError } from '../errors/tsflow.error';
import type { HistoryEventInput } from './history.types';
import type { Outgoing } from './outbox';
import type { ReplayState } from './replay-state';

type Handler = (state: ReplayState, event: HistoryEventInput, eventId: number) => void;

/**
 * One handler per SWF event type. The mapped type makes the table exhaustive:
 * when the SDK adds an event type, this file stops compiling until it is handled.
 * Each handler finds its command (by the record it matches, or by the event id
 * the event refers to) and calls one transition on it.
 */
export type EventHandlers = { readonly [K in EventType]: Handler };

const accept: Handler = () => undefined;
const typeLabel = (type: { name?: string; version?: string } | undefined): string => `${type?.name ?? ''}@${type?.version ?? ''}`;
/** The command a matched record belongs to; its decision type decides the kind, checked here all the same. */
const recordOf = <T>(entry: Outgoing, type: abstract new (...args: never[]) => T): T => {
  if (entry.command instanceof type) return entry.command;
  throw new TsflowError(`Engine bug: a ${entry.command.kind} command was matched to a record of a ${type.name}.`);
};
/** The command a record's later events refer to; a closing event forgets it. */
const closing = <T extends CallCommand>(
  s: ReplayState,
  ref: number | undefined,
  id: number,
  type: abstract new (...args: never[]) => T,
): T => {
  const command = s.at(ref, id, type);
  s.forget(ref);
  return command;
};

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
  WorkflowExecutionCompleted: (s, _e, id) => outcomeRecorded(s, id, 'CompleteWorkflowExecution', 'WorkflowExecutionCompleted'),
  WorkflowExecutionFailed: (s, _e, id) => outcomeRecorded(s, id, 'FailWorkflowExecution', 'WorkflowExecutionFailed'),
  WorkflowExecutionCanceled: (s, _e, id) => outcomeRecorded(s, id, 'CancelWorkflowExecution', 'WorkflowExecutionCanceled'),
  WorkflowExecutionContinuedAsNew: (s, _e, id) =>
    outcomeRecorded(s, id, 'ContinueAsNewWorkflowExecution', 'WorkflowExecutionContinuedAsNew'),
  // SWF refused the outcome (typically UNHANDLED_DECISION: new events arrived); the next response repeats it.
  CompleteWorkflowExecutionFailed: (s, _e, id) => outcomeRefused(s, id, 'CompleteWorkflowExecution', 'CompleteWorkflowExecutionFailed'),
  FailWorkflowExecutionFailed: (s, _e, id) => outcomeRefused(s, id, 'FailWorkflowExecution', 'FailWorkflowExecutionFailed'),
  CancelWorkflowExecutionFailed: (s, _e, id) => outcomeRefused(s, id, 'CancelWorkflowExecution', 'CancelWorkflowExecutionFailed'),
  ContinueAsNewWorkflowExecutionFailed: (s, _e, id) =>
    outcomeRefused(s, id, 'ContinueAsNewWorkflowExecution', 'ContinueAsNewWorkflowExecutionFailed'),
  WorkflowExecutionTerminated: (s) => void (s.closed = true),
  WorkflowExecutionTimedOut: (s) => void (s.closed = true),
  // Delivered to the @Signal handlers, in event order, at the start of this activation.
  WorkflowExecutionSignaled: (s, e, id) => {
    const a = e.workflowExecutionSignaledEventAttributes;
    s.inbox.receive({ name: a?.signalName ?? '', input: a?.input, eventId: id });
  },
  // Rejects its Lambdas and timers now; cancels timers, activities and children once the activation's events are applied.
  WorkflowExecutionCancelRequested: (s, _e, id) => s.cancellation.requestAll(id),

  // Decision tasks delimit activations (computed before events are applied); a completed one's records follow it.
  DecisionTaskScheduled: accept,
  DecisionTaskStarted: accept,
  DecisionTaskCompleted: (s, _e, id) => s.openWindow(id),
  DecisionTaskTimedOut: accept,

  // Lambda functions.
  LambdaFunctionScheduled: (s, e, id) => {
    const a = e.lambdaFunctionScheduledEventAttributes;
    recordOf(s.match(id, 'ScheduleLambdaFunction', a?.name ?? '', a?.id, a?.input), LambdaCommand).recorded(
      'scheduled',
      'LambdaFunctionScheduled',
    );
  },
  ScheduleLambdaFunctionFailed: (s, e, id) => {
    const a = e.scheduleLambdaFunctionFailedEventAttributes;
    const command = recordOf(s.match(id, 'ScheduleLambdaFunction', a?.name ?? '', a?.id), LambdaCommand);
    command.refused('ScheduleLambdaFunctionFailed', (o) => new ScheduleFailure(a?.cause, 'ScheduleLambdaFunctionFailed', o), id);
  },
  LambdaFunctionStarted: (s, e, id) =>
    s.at(e.lambdaFunctionStartedEventAttributes?.scheduledEventId, id, LambdaCommand).began('LambdaFunctionStarted'),
  LambdaFunctionCompleted: (s, e, id) => {
    const a = e.lambdaFunctionCompletedEventAttributes;
    closing(s, a?.scheduledEventId, id, LambdaCommand).completed('LambdaFunctionCompleted', id, a?.result);
  },
  LambdaFunctionFailed: (s, e, id) => {
    const a = e.lambdaFunctionFailedEventAttributes;
    closing(s, a?.scheduledEventId, id, LambdaCommand).failed(
      'LambdaFunctionFailed',
      id,
      (o) => new LambdaFailure(a?.reason, a?.details, o),
    );
  },
  LambdaFunctionTimedOut: (s, e, id) => {
    const a = e.lambdaFunctionTimedOutEventAttributes;
    closing(s, a?.scheduledEventId, id, LambdaCommand).failed(
      'LambdaFunctionTimedOut',
      id,
      (o) => new TimeoutFailure(a?.timeoutType, undefined, o),
    );
  },
  StartLambdaFunctionFailed: (s, e, id) => {
    const a = e.startLambdaFunctionFailedEventAttributes;
    closing(s, a?.scheduledEventId, id, LambdaCommand).failed(
      'StartLambdaFunctionFailed',
      id,
      (o) => new ScheduleFailure(a?.cause, 'StartLambdaFunctionFailed', o, a?.message),
    );
  },

  // Activities.
  ActivityTaskScheduled: (s, e, id) => {
    const a = e.activityTaskScheduledEventAttributes;
    recordOf(s.match(id, 'ScheduleActivityTask', typeLabel(a?.activityType), a?.activityId, a?.input), ActivityCommand).recorded(
      'scheduled',
      'ActivityTaskScheduled',
    );
  },
  ScheduleActivityTaskFailed: (s, e, id) => {
    const a = e.scheduleActivityTaskFailedEventAttributes;
    const command = recordOf(s.match(id, 'ScheduleActivityTask', typeLabel(a?.activityType), a?.activityId), ActivityCommand);
    command.refused('ScheduleActivityTaskFailed', (o) => new ScheduleFailure(a?.cause, 'ScheduleActivityTaskFailed', o), id);
  },
  ActivityTaskStarted: (s, e, id) =>
    s.at(e.activityTaskStartedEventAttributes?.scheduledEventId, id, ActivityCommand).began('ActivityTaskStarted'),
  ActivityTaskCompleted: (s, e, id) => {
    const a = e.activityTaskCompletedEventAttributes;
    closing(s, a?.scheduledEventId, id, ActivityCommand).completed('ActivityTaskCompleted', id, a?.result);
  },
  ActivityTaskFailed: (s, e, id) => {
    const a = e.activityTaskFailedEventAttributes;
    closing(s, a?.scheduledEventId, id, ActivityCommand).failed(
      'ActivityTaskFailed',
      id,
      (o) => new ActivityFailure(a?.reason, a?.details, o),
    );
  },
  ActivityTaskTimedOut: (s, e, id) => {
    const a = e.activityTaskTimedOutEventAttributes;
    closing(s, a?.scheduledEventId, id, ActivityCommand).failed(
      'ActivityTaskTimedOut',
      id,
      (o) => new TimeoutFailure(a?.timeoutType, a?.details, o),
    );
  },
  ActivityTaskCanceled: (s, e, id) => {
    const a = e.activityTaskCanceledEventAttributes;
    closing(s, a?.scheduledEventId, id, ActivityCommand).cancelled('ActivityTaskCanceled', id, (o) => new CancelledFailure(a?.details, o));
  },
  // Records of RequestCancelActivityTask. The activity's future settles with what its worker reports; when
  // the request failed (ACTIVITY_ID_UNKNOWN: it had already closed), history holds its outcome already.
  ActivityTaskCancelRequested: (s, e, id) =>
    recordOf(
      s.match(id, 'RequestCancelActivityTask', '', e.activityTaskCancelRequestedEventAttributes?.activityId),
      ActivityCommand,
    ).cancelRecorded('ActivityTaskCancelRequested'),
  RequestCancelActivityTaskFailed: (s, e, id) =>
    recordOf(
      s.match(id, 'RequestCancelActivityTask', '', e.requestCancelActivityTaskFailedEventAttributes?.activityId),
      ActivityCommand,
    ).cancelRecorded('RequestCancelActivityTaskFailed'),

  // Child workflows.
  StartChildWorkflowExecutionInitiated: (s, e, id) => {
    const a = e.startChildWorkflowExecutionInitiatedEventAttributes;
    recordOf(s.match(id, 'StartChildWorkflowExecution', typeLabel(a?.workflowType), a?.workflowId, a?.input), ChildCommand).recorded(
      'initiated',
      'StartChildWorkflowExecutionInitiated',
    );
  },
  StartChildWorkflowExecutionFailed: (s, e, id) => {
    const a = e.startChildWorkflowExecutionFailedEventAttributes;
    // With WORKFLOW_ALREADY_RUNNING the start was initiated (and matched) before; otherwise this event is the record.
    const command = a?.initiatedEventId
      ? closing(s, a.initiatedEventId, id, ChildCommand)
      : recordOf(s.match(id, 'StartChildWorkflowExecution', typeLabel(a?.workflowType), a?.workflowId), ChildCommand);
    command.refused('StartChildWorkflowExecutionFailed', (o) => new ScheduleFailure(a?.cause, 'StartChildWorkflowExecutionFailed', o), id);
  },
  // The child's run id, which a later RequestCancelExternalWorkflowExecution names.
  ChildWorkflowExecutionStarted: (s, e, id) => {
    const a = e.childWorkflowExecutionStartedEventAttributes;
    s.at(a?.initiatedEventId, id, ChildCommand).startedAs(a?.workflowExecution?.runId);
  },
  ChildWorkflowExecutionCompleted: (s, e, id) => {
    const a = e.childWorkflowExecutionCompletedEventAttributes;
    closing(s, a?.initiatedEventId, id, ChildCommand).completed('ChildWorkflowExecutionCompleted', id, a?.result);
  },
  ChildWorkflowExecutionFailed: (s, e, id) => {
    const a = e.childWorkflowExecutionFailedEventAttributes;
    closing(s, a?.initiatedEventId, id, ChildCommand).failed(
      'ChildWorkflowExecutionFailed',
      id,
      (o) => new ChildWorkflowFailure(a?.reason, a?.details, o),
    );
  },
  ChildWorkflowExecutionTimedOut: (s, e, id) => {
    const a = e.childWorkflowExecutionTimedOutEventAttributes;
    closing(s, a?.initiatedEventId, id, ChildCommand).failed(
      'ChildWorkflowExecutionTimedOut',
      id,
      (o) => new TimeoutFailure(a?.timeoutType, undefined, o),
    );
  },
  ChildWorkflowExecutionCanceled: (s, e, id) => {
    const a = e.childWorkflowExecutionCanceledEventAttributes;
    closing(s, a?.initiatedEventId, id, ChildCommand).cancelled(
      'ChildWorkflowExecutionCanceled',
      id,
      (o) => new CancelledFailure(a?.details, o),
    );
  },
  ChildWorkflowExecutionTerminated: (s, e, id) => {
    const a = e.childWorkflowExecutionTerminatedEventAttributes;
    closing(s, a?.initiatedEventId, id, ChildCommand).failed(
      'ChildWorkflowExecutionTerminated',
      id,
      (o) => new ChildWorkflowFailure('ChildWorkflowExecutionTerminated', undefined, o),
    );
  },

  // Timers.
  TimerStarted: (s, e, id) =>
    recordOf(s.match(id, 'StartTimer', '', e.timerStartedEventAttributes?.timerId), TimerCommand).recorded('started', 'TimerStarted'),
  StartTimerFailed: (s, e, id) => {
    const a = e.startTimerFailedEventAttributes;
    recordOf(s.match(id, 'StartTimer', '', a?.timerId), TimerCommand).refused(
      'StartTimerFailed',
      (o) => new ScheduleFailure(a?.cause, 'StartTimerFailed', o),
      id,
    );
  },
  TimerFired: (s, e, id) => closing(s, e.timerFiredEventAttributes?.startedEventId, id, TimerCommand).fired(),
  // The workflow's timer future was settled when it called cancel(); these only confirm the CancelTimer decision.
  TimerCanceled: (s, e, id) => {
    const a = e.timerCanceledEventAttributes;
    recordOf(s.match(id, 'CancelTimer', '', a?.timerId), TimerCommand).confirmCancel();
    s.forget(a?.startedEventId);
  },
  CancelTimerFailed: (s, e, id) =>
    recordOf(s.match(id, 'CancelTimer', '', e.cancelTimerFailedEventAttributes?.timerId), TimerCommand).cancelFailed(),

  // Markers: sideEffect values are read from an index built before replay; these confirm the RecordMarker decision.
  MarkerRecorded: (s, e, id) => {
    const name = e.markerRecordedEventAttributes?.markerName ?? '';
    recordOf(s.match(id, 'RecordMarker', name, name), MarkerCommand).recorded();
  },
  RecordMarkerFailed: (s, e, id) => {
    const name = e.recordMarkerFailedEventAttributes?.markerName ?? '';
    recordOf(s.match(id, 'RecordMarker', name, name), MarkerCommand).refused();
  },

  // Signalling other executions.
  SignalExternalWorkflowExecutionInitiated: (s, e, id) => {
    const a = e.signalExternalWorkflowExecutionInitiatedEventAttributes;
    recordOf(s.match(id, 'SignalExternalWorkflowExecution', a?.signalName ?? '', undefined, a?.input), SignalExternalCommand).recorded(
      'initiated',
      'SignalExternalWorkflowExecutionInitiated',
    );
  },
  SignalExternalWorkflowExecutionFailed: (s, e, id) =>
    externalRefused(
      s,
      e.signalExternalWorkflowExecutionFailedEventAttributes,
      id,
      'SignalExternalWorkflowExecution',
      undefined,
      SignalExternalCommand,
    ),
  ExternalWorkflowExecutionSignaled: (s, e, id) =>
    closing(s, e.externalWorkflowExecutionSignaledEventAttributes?.initiatedEventId, id, SignalExternalCommand).delivered(
      'ExternalWorkflowExecutionSignaled',
    ),
  // Cancelling a child (or another execution). The child's future settles with its own outcome event; a failed
  // request (UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION: it had already closed) changes nothing for it.
  RequestCancelExternalWorkflowExecutionInitiated: (s, _e, id) => {
    recordOf(s.match(id, 'RequestCancelExternalWorkflowExecution', '', undefined), CancelExternalCommand).recorded(
      'initiated',
      'RequestCancelExternalWorkflowExecutionInitiated',
    );
  },
  RequestCancelExternalWorkflowExecutionFailed: (s, e, id) =>
    externalRefused(
      s,
      e.requestCancelExternalWorkflowExecutionFailedEventAttributes,
      id,
      'RequestCancelExternalWorkflowExecution',
      '',
      CancelExternalCommand,
    ),
  ExternalWorkflowExecutionCancelRequested: (s, e, id) =>
    closing(s, e.externalWorkflowExecutionCancelRequestedEventAttributes?.initiatedEventId, id, CancelExternalCommand).delivered(
      'ExternalWorkflowExecutionCancelRequested',
    ),
};

function outcomeRecorded(s: ReplayState, id: number, decisionType: OutcomeType, cause: string): void {
  recordOf(s.match(id, decisionType, '', undefined), OutcomeCommand).recorded(cause);
  s.closed = true;
}

function outcomeRefused(s: ReplayState, id: number, decisionType: OutcomeType, cause: string): void {
  s.resendOutcome(recordOf(s.match(id, decisionType, '', undefined), OutcomeCommand), cause);
}

type OutcomeType = 'CompleteWorkflowExecution' | 'FailWorkflowExecution' | 'CancelWorkflowExecution' | 'ContinueAsNewWorkflowExecution';

/** Applies one event; event types newer than this SDK's list are accepted and ignored. */
export function applyEvent(state: ReplayState, event: HistoryEventInput): void {
  const handler = eventHandlers[event.eventType as EventType] as Handler | undefined;
  handler?.(state, event, event.eventId ?? 0);
}

/**
 * `SignalExternalWorkflowExecutionFailed` or `RequestCancelExternalWorkflowExecutionFailed`: after an
 * Initiated event it reports on that; without one (initiatedEventId 0) it is the decision's own record.
 * Either way the call is refused with SWF's cause.
 */
function externalRefused<T extends SignalExternalCommand | CancelExternalCommand>(
  s: ReplayState,
  a: { initiatedEventId?: number; cause?: string } | undefined,
  id: number,
  decisionType: 'SignalExternalWorkflowExecution' | 'RequestCancelExternalWorkflowExecution',
  label: string | undefined,
  type: abstract new (...args: never[]) => T,
): void {
  const event = `${decisionType}Failed`;
  const command = a?.initiatedEventId
    ? closing(s, a.initiatedEventId, id, type)
    : recordOf(s.match(id, decisionType, label, undefined), type);
  command.refused(event, (o) => new ScheduleFailure(a?.cause, event, o), id);
}
