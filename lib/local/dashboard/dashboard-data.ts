import type { DomainInfo, HistoryEvent, WorkflowExecutionDetail, WorkflowExecutionInfo, WorkflowExecution } from '@aws-sdk/client-swf';
import type { Wire } from '../wire';
import type { SwfDispatcher } from '../transport/swf-json-protocol';
import { matches, type DashboardFilters } from './dashboard-filters';

export interface DomainOverview {
  domain: Wire<DomainInfo>;
  executions: Wire<WorkflowExecutionInfo>[];
  /** True when the listing stopped at {@link MAX_LISTED} executions. */
  truncated: boolean;
}

export interface ExecutionView {
  detail: Wire<WorkflowExecutionDetail>;
  events: Wire<HistoryEvent>[];
}

/** A page that shows more than this is unreadable anyway; the API has the rest. */
export const MAX_LISTED = 500;

/**
 * Reads what the dashboard shows through the public SWF actions, so the pages
 * show exactly what a client would see and need nothing private from the service.
 */
export async function loadOverview(service: SwfDispatcher, filters: DashboardFilters = {}): Promise<DomainOverview[]> {
  const domains: Wire<DomainInfo>[] = [];
  for (const registrationStatus of ['REGISTERED', 'DEPRECATED']) {
    domains.push(...(await pages<Wire<DomainInfo>>(service, 'ListDomains', { registrationStatus }, 'domainInfos', Infinity)).items);
  }
  const overviews: DomainOverview[] = [];
  for (const domain of domains) {
    const filter = { domain: domain.name, startTimeFilter: { oldestDate: 0 } };
    const open = await pages<Wire<WorkflowExecutionInfo>>(service, 'ListOpenWorkflowExecutions', filter, 'executionInfos', MAX_LISTED);
    const closed = await pages<Wire<WorkflowExecutionInfo>>(
      service,
      'ListClosedWorkflowExecutions',
      filter,
      'executionInfos',
      MAX_LISTED - open.items.length,
    );
    const executions = [...open.items, ...closed.items]
      .filter((x) => matches(filters, x))
      .sort((a, b) => (b.startTimestamp ?? 0) - (a.startTimestamp ?? 0));
    overviews.push({ domain, executions, truncated: open.truncated || closed.truncated });
  }
  return overviews;
}

export async function loadExecution(service: SwfDispatcher, domain: string, execution: Wire<WorkflowExecution>): Promise<ExecutionView> {
  const detail = (await service.dispatch('DescribeWorkflowExecution', { domain, execution })) as Wire<WorkflowExecutionDetail>;
  const history = await pages<Wire<HistoryEvent>>(service, 'GetWorkflowExecutionHistory', { domain, execution }, 'events', Infinity);
  return { detail, events: history.items };
}

async function pages<T>(
  service: SwfDispatcher,
  action: string,
  input: Record<string, unknown>,
  key: string,
  limit: number,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let nextPageToken: string | undefined;
  do {
    if (items.length >= limit) return { items, truncated: true };
    const page = (await service.dispatch(action, { ...input, maximumPageSize: 1000, nextPageToken })) as Record<string, unknown>;
    items.push(...((page[key] as T[] | undefined) ?? []));
    nextPageToken = page.nextPageToken as string | undefined;
  } while (nextPageToken);
  return { items: items.slice(0, limit), truncated: items.length > limit };
}
