import type { ServiceContext } from './service-context';
import { pageWindow } from './paging';
import type { WireHistoryEvent } from '../wire';
import type { ExecutionRecord } from '../model/execution-record';

export interface HistoryPageRequest {
  maximumPageSize?: number;
  nextPageToken?: string;
  reverseOrder?: boolean;
}

/** Which slice of which history a page token walks. */
export interface HistoryScope {
  /** Who pages: `GetWorkflowExecutionHistory`, or the task token of a decision task. */
  owner: string;
  runId: string;
  /** First and last event id; a decision task's history ends at its DecisionTaskStarted, others at the latest event. */
  from: number;
  upTo?: number;
  reverse: boolean;
}

/**
 * One page of an execution's events, oldest first unless `reverseOrder`.
 * It copies only the page, so a page costs the same at event 100 and at
 * event 20,000.
 */
export function historyPage(
  ctx: ServiceContext,
  execution: ExecutionRecord,
  request: HistoryPageRequest,
  scope: Omit<HistoryScope, 'runId' | 'reverse'>,
): { events: WireHistoryEvent[]; nextPageToken?: string } {
  const last = scope.upTo ?? execution.lastEventId;
  const total = Math.max(0, last - scope.from + 1);
  const full: HistoryScope = { ...scope, runId: execution.runId, reverse: !!request.reverseOrder };
  const { offset, count, nextPageToken } = pageWindow(ctx.pageTokens, total, { ...request, query: JSON.stringify(full) });
  const events = request.reverseOrder
    ? execution.events.slice(last - offset - count, last - offset).reverse()
    : execution.events.slice(scope.from - 1 + offset, scope.from - 1 + offset + count);
  return { events, nextPageToken };
}

/**
 * The first event of a decision task's history when it starts at the
 * previous DecisionTaskStarted (`startAtPreviousStartedEvent`): SWF's
 * reference returns the events whose timestamp is at or after that event's,
 * so events recorded in the same instant just before it come too.
 */
export function firstEventAtTimeOf(execution: ExecutionRecord, eventId: number): number {
  const at = execution.events[eventId - 1]?.eventTimestamp;
  if (at === undefined) return 1;
  let first = eventId;
  while (first > 1 && (execution.events[first - 2].eventTimestamp ?? 0) >= at) first--;
  return first;
}

/** The scope a genuine history page token was issued for (ValidationException otherwise). */
export function readHistoryScope(ctx: ServiceContext, nextPageToken: string): HistoryScope {
  return JSON.parse(ctx.pageTokens.read(nextPageToken).q) as HistoryScope;
}
