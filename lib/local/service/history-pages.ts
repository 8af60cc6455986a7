import type { ServiceContext } from './service-context';
import { pageOf } from './paging';
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

/** One page of an execution's events, oldest first unless `reverseOrder`. */
export function historyPage(
  ctx: ServiceContext,
  execution: ExecutionRecord,
  request: HistoryPageRequest,
  scope: Omit<HistoryScope, 'runId' | 'reverse'>,
): { events: WireHistoryEvent[]; nextPageToken?: string } {
  const events = execution.events.slice(scope.from - 1, scope.upTo ?? execution.lastEventId);
  if (request.reverseOrder) events.reverse();
  const full: HistoryScope = { ...scope, runId: execution.runId, reverse: !!request.reverseOrder };
  const page = pageOf(ctx.pageTokens, events, { ...request, query: JSON.stringify(full) });
  return { events: page.items, nextPageToken: page.nextPageToken };
}

/** The scope a genuine history page token was issued for (ValidationException otherwise). */
export function readHistoryScope(ctx: ServiceContext, nextPageToken: string): HistoryScope {
  return JSON.parse(ctx.pageTokens.read(nextPageToken).q) as HistoryScope;
}
