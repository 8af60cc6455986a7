import type { WireHistoryEvent } from '../wire';

export type CallKind = 'lambda' | 'activity' | 'timer' | 'child' | 'decision';
export type CallOutcome = 'open' | 'completed' | 'failed' | 'timed-out' | 'canceled' | 'fired' | 'terminated';

/** One call of an execution, from the event that asked for it to the one that closed it. */
export interface TimelineCall {
  kind: CallKind;
  /** The call's id in SWF: activity id, Lambda id, timer id, child workflow id. */
  id: string;
  /** What was called: activity type, Lambda function, child workflow type; a timer's duration. */
  name: string;
  /** Epoch seconds. */
  scheduledAt: number;
  startedAt?: number;
  closedAt?: number;
  outcome: CallOutcome;
  /** 2 and up for a call of the same kind and name made again after a failed one: a retry. */
  attempt: number;
  /** Event id of the event that asked for the call. */
  eventId: number;
  input?: string;
  result?: string;
  reason?: string;
  details?: string;
  /** A child's execution, once started. */
  child?: { workflowId: string; runId: string };
}

/** Something that happened at one moment: a marker, a signal, a cancellation request, the close. */
export interface TimelineMark {
  at: number;
  eventId: number;
  label: string;
  detail?: string;
  failure: boolean;
}

export interface TimelineModel {
  start: number;
  /** The last event's time, or `now` for an open execution. */
  end: number;
  calls: TimelineCall[];
  marks: TimelineMark[];
}

type Attributes = Record<string, unknown> & {
  scheduledEventId?: number;
  initiatedEventId?: number;
  startedEventId?: number;
};

const CLOSING: Record<string, CallOutcome> = {
  Completed: 'completed',
  Failed: 'failed',
  TimedOut: 'timed-out',
  Canceled: 'canceled',
  Terminated: 'terminated',
  Fired: 'fired',
};

/**
 * Reads calls out of a history: each Lambda, activity, timer, child and
 * decision task becomes one bar from the event that asked for it to the one
 * that closed it; other notable events become marks.
 */
export function buildTimeline(events: readonly WireHistoryEvent[], now: number): TimelineModel {
  const start = events[0]?.eventTimestamp ?? now;
  const last = events.at(-1);
  const open = !last || !/^WorkflowExecution(Completed|Failed|TimedOut|Canceled|Terminated|ContinuedAsNew)$/.test(last.eventType ?? '');
  const calls: TimelineCall[] = [];
  const marks: TimelineMark[] = [];
  const byEvent = new Map<number, TimelineCall>();
  const timers = new Map<string, TimelineCall>();
  for (const event of events) {
    const type = event.eventType ?? '';
    const at = event.eventTimestamp ?? start;
    const a = attributesOf(event);
    const add = (call: Omit<TimelineCall, 'attempt' | 'eventId' | 'scheduledAt' | 'outcome'> & { outcome?: CallOutcome }): TimelineCall => {
      const made: TimelineCall = {
        outcome: 'open',
        ...call,
        scheduledAt: at,
        eventId: event.eventId ?? 0,
        attempt: attemptOf(calls, call),
      };
      calls.push(made);
      byEvent.set(made.eventId, made);
      return made;
    };
    if (type === 'ActivityTaskScheduled') {
      add({ kind: 'activity', id: str(a.activityId), name: typeName(a.activityType), input: str(a.input) });
    } else if (type === 'LambdaFunctionScheduled') {
      add({ kind: 'lambda', id: str(a.id), name: str(a.name), input: str(a.input) });
    } else if (type === 'StartChildWorkflowExecutionInitiated') {
      add({ kind: 'child', id: str(a.workflowId), name: typeName(a.workflowType), input: str(a.input) });
    } else if (type === 'TimerStarted') {
      timers.set(str(a.timerId), add({ kind: 'timer', id: str(a.timerId), name: `${str(a.startToFireTimeout)}s` }));
    } else if (type === 'DecisionTaskScheduled') {
      add({ kind: 'decision', id: `decision@${event.eventId}`, name: 'decision task' });
    } else if (/^(ScheduleActivityTask|ScheduleLambdaFunction|StartTimer)Failed$/.test(type)) {
      const kind: CallKind = type.startsWith('ScheduleActivity') ? 'activity' : type.startsWith('StartTimer') ? 'timer' : 'lambda';
      const name = kind === 'activity' ? typeName(a.activityType) : kind === 'lambda' ? str(a.name) : 'timer';
      add({ kind, id: str(a.activityId ?? a.id ?? a.timerId), name, outcome: 'failed', reason: str(a.cause), closedAt: at });
    } else {
      settle(type, at, a, event.eventId ?? 0);
    }
  }
  return { start, end: Math.max(last?.eventTimestamp ?? start, open ? now : 0), calls, marks };

  function settle(type: string, at: number, a: Attributes, eventId: number): void {
    const match =
      /^(ActivityTask|LambdaFunction|ChildWorkflowExecution|DecisionTask|Timer|StartLambdaFunction|StartChildWorkflowExecution)(Started|Completed|Failed|TimedOut|Canceled|Terminated|Fired)$/.exec(
        type,
      );
    const call = match ? callFor(match[1], a) : undefined;
    if (!match || !call) {
      mark(type, at, a, eventId);
      return;
    }
    const phase = match[2];
    if (phase === 'Started' && !match[1].startsWith('Start')) {
      call.startedAt = at;
      if (call.kind === 'child' && isExecution(a.workflowExecution)) call.child = a.workflowExecution;
      return;
    }
    call.closedAt = at;
    call.outcome = match[1].startsWith('Start') ? 'failed' : CLOSING[phase];
    call.result = str(a.result) || undefined;
    call.reason = str(a.reason ?? a.cause ?? a.timeoutType) || undefined;
    call.details = str(a.details ?? a.message) || undefined;
  }

  function callFor(kind: string, a: Attributes): TimelineCall | undefined {
    if (kind === 'Timer') return timers.get(str(a.timerId));
    return byEvent.get(a.scheduledEventId ?? a.initiatedEventId ?? -1);
  }

  function mark(type: string, at: number, a: Attributes, eventId: number): void {
    const notable =
      /^(MarkerRecorded|WorkflowExecution\w+|RequestCancelExternal\w+|SignalExternal\w+|ExternalWorkflowExecution\w+|\w+Failed)$/;
    if (!notable.test(type) || type === 'WorkflowExecutionStarted') return;
    const name = str(a.markerName ?? a.signalName ?? a.reason ?? a.cause);
    const detail = str(a.details ?? a.input ?? a.result);
    const failure = /Failed|TimedOut|Terminated/.test(type);
    marks.push({ at, eventId, label: name ? `${type} ${name}` : type, detail: detail || undefined, failure });
  }
}

function attemptOf(calls: readonly TimelineCall[], call: { kind: CallKind; name: string }): number {
  if (call.kind === 'decision' || call.kind === 'timer') return 1;
  const same = calls.filter((c) => c.kind === call.kind && c.name === call.name);
  const previous = same.at(-1);
  return previous && /failed|timed-out/.test(previous.outcome) ? previous.attempt + 1 : 1;
}

function attributesOf(event: WireHistoryEvent): Attributes {
  const type = event.eventType ?? '';
  const key = `${type.charAt(0).toLowerCase()}${type.slice(1)}EventAttributes`;
  return ((event as Record<string, unknown>)[key] as Attributes | undefined) ?? {};
}

function typeName(type: unknown): string {
  const t = type as { name?: string; version?: string } | undefined;
  return t?.name ? `${t.name} ${t.version ?? ''}`.trim() : '';
}

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function isExecution(value: unknown): value is { workflowId: string; runId: string } {
  return typeof (value as { runId?: unknown } | undefined)?.runId === 'string';
}
