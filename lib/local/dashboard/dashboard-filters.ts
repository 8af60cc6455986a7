import type { WorkflowExecutionInfo } from '@aws-sdk/client-swf';
import type { Wire } from '../wire';

/** The overview's filters, from its query string: `?domain=&type=&status=&id=`. */
export interface DashboardFilters {
  domain?: string;
  /** Part of the workflow type's name, any case. */
  type?: string;
  /** OPEN, or a close status (COMPLETED, FAILED…). */
  status?: string;
  /** Part of the workflow id, any case. */
  id?: string;
}

export const STATUSES = ['OPEN', 'COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'];

export function parseFilters(query: string): DashboardFilters {
  const params = new URLSearchParams(query);
  const value = (key: string): string | undefined => params.get(key)?.trim() || undefined;
  return { domain: value('domain'), type: value('type'), status: value('status')?.toUpperCase(), id: value('id') };
}

export function statusOf(x: Wire<WorkflowExecutionInfo>): string {
  return x.executionStatus === 'OPEN' ? 'OPEN' : (x.closeStatus ?? 'CLOSED');
}

export function matches(filters: DashboardFilters, x: Wire<WorkflowExecutionInfo>): boolean {
  const contains = (text: string | undefined, part: string | undefined): boolean =>
    part === undefined || (text ?? '').toLowerCase().includes(part.toLowerCase());
  return (
    contains(x.workflowType?.name, filters.type) &&
    contains(x.execution?.workflowId, filters.id) &&
    (filters.status === undefined || statusOf(x) === filters.status)
  );
}
