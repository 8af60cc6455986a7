import type { ServiceContext } from '../state/service-context';
import { pageOf } from '../state/paging';
import type { WireHistoryEvent } from '../wire';
import type { ExecutionRecord } from './execution-record';

export interface HistoryPageRequest {
  maximumPageSize?: number;
  nextPageToken?: string;
  reverseOrder?: boolean;
}

/**
 * One page of an execution's events, oldest first unless `reverseOrder`;
 * `upTo` cuts the history at a decision task's DecisionTaskStarted event.
 */
export function historyPage(
  ctx: ServiceContext,
  execution: ExecutionRecord,
  request: HistoryPageRequest,
  scope: string,
  upTo = execution.lastEventId,
  from = 1,
): { events: WireHistoryEvent[]; nextPageToken?: string } {
  const events = execution.events.slice(from - 1, upTo);
  if (request.reverseOrder) events.reverse();
  const query = JSON.stringify([scope, execution.domain.name, execution.runId, upTo, from, !!request.reverseOrder]);
  const page = pageOf(ctx.pageTokens, events, { ...request, query });
  return { events: page.items, nextPageToken: page.nextPageToken };
}
