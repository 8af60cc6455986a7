import type { HistoryEvent } from '@aws-sdk/client-swf';

/** How `formatTimeline` prints a history. */
export interface TimelineOptions {
  /** Leave out the decision task bookkeeping events (scheduled/started/completed). */
  hideDecisionTasks?: boolean;
  /** Cut inputs and results to this many characters (default 60). */
  width?: number;
}

const DECISION_TASK = /^DecisionTask(Scheduled|Started|Completed)$/;

/**
 * A compact, readable timeline of an execution's history: one line per event,
 * with the time since the start, the event id, the type and what matters of it.
 *
 * ```
 *   +0.000s   1 WorkflowExecutionStarted        StringTransformer 1.0 ["Hello"," ","World"]
 *   +0.012s   5 LambdaFunctionScheduled         lambda1 string_upcase "Hello"
 * ```
 */
export function formatTimeline(events: readonly HistoryEvent[], options: TimelineOptions = {}): string {
  const width = options.width ?? 60;
  const start = events[0]?.eventTimestamp?.getTime() ?? 0;
  const idWidth = String(events.at(-1)?.eventId ?? 0).length;
  const callIds = new Map<number, string>();
  const shown = events.filter((event) => !(options.hideDecisionTasks && DECISION_TASK.test(event.eventType ?? '')));
  const offsets = shown.map((event) => `+${(((event.eventTimestamp?.getTime() ?? start) - start) / 1000).toFixed(3)}s`);
  // Right-aligned to the widest, so that the columns stay put when an execution runs for days.
  const offsetWidth = Math.max(0, ...offsets.map((offset) => offset.length));
  return shown
    .map((event, i) => {
      const summary = summarize(event, callIds, (text) => clip(text, width));
      const type = (event.eventType ?? '?').padEnd(42);
      return `  ${offsets[i].padStart(offsetWidth)} ${String(event.eventId).padStart(idWidth)} ${type} ${summary}`.trimEnd();
    })
    .join('\n');
}

function clip(text: string | undefined, width: number): string {
  if (text === undefined) return '';
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** The attributes worth a glance, per event type; the rest show their ids. */
function summarize(event: HistoryEvent, callIds: Map<number, string>, c: (text: string | undefined) => string): string {
  const e = event as unknown as Record<string, Record<string, unknown> | undefined>;
  const attrs = Object.entries(e).find(([key]) => key.endsWith('EventAttributes'))?.[1] ?? {};
  const a = attrs as Record<string, unknown> & {
    workflowType?: { name?: string; version?: string };
    activityType?: { name?: string; version?: string };
  };
  const type = a.workflowType ?? a.activityType;
  const parts: string[] = [];
  for (const key of ['timerId', 'activityId', 'id', 'markerName', 'signalName', 'workflowId']) {
    if (typeof a[key] === 'string' && !(key === 'workflowId' && a.workflowExecution)) {
      parts.push(a[key] as string);
      callIds.set(event.eventId ?? 0, a[key] as string);
      break;
    }
  }
  // Started, completed and failed events name their call by the event that scheduled it.
  const origin = [a.scheduledEventId, a.initiatedEventId, a.startedEventId].find((id) => typeof id === 'number' && callIds.has(id));
  if (parts.length === 0 && typeof origin === 'number') parts.push(callIds.get(origin)!);
  if (typeof a.name === 'string') parts.push(a.name);
  if (type) parts.push(`${type.name} ${type.version}`);
  if (typeof a.startToFireTimeout === 'string') parts.push(`${a.startToFireTimeout}s`);
  for (const key of ['input', 'result']) {
    if (typeof a[key] === 'string') parts.push(c(a[key] as string));
  }
  for (const key of ['reason', 'cause', 'timeoutType', 'details']) {
    if (typeof a[key] === 'string') parts.push(`${key}=${c(a[key] as string)}`);
  }
  return parts.join(' ');
}
