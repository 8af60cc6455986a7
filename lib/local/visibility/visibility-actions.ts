import type { CloseStatus } from '@aws-sdk/client-swf';
import type { ExecutionRecord } from '../model/execution-record';
import { pageOf } from '../service/paging';
import type { ServiceContext } from '../service/service-context';
import { SwfFault } from '../swf-fault';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';
import { executionInfo } from '../executions/execution-actions';

const CLOSE_STATUSES: readonly CloseStatus[] = ['COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'];

type Predicate = (e: ExecutionRecord) => boolean;

function timeFilter(r: InputReader, field: string, pick: (e: ExecutionRecord) => number | undefined): Predicate {
  const f = r.requiredObject(field);
  const oldest = f.requiredTimestamp('oldestDate');
  const latest = f.optionalTimestamp('latestDate');
  return (e) => {
    const t = pick(e);
    return t !== undefined && t >= oldest && (latest === undefined || t <= latest);
  };
}

/** SWF's filters; executionFilter, typeFilter, tagFilter and closeStatusFilter exclude each other. */
function readFilters(r: InputReader, closed: boolean): { predicates: Predicate[]; byCloseTime: boolean } {
  const predicates: Predicate[] = [];
  const hasStart = r.has('startTimeFilter');
  const hasClose = closed && r.has('closeTimeFilter');
  if (hasStart && hasClose) {
    throw SwfFault.validation('startTimeFilter and closeTimeFilter are mutually exclusive: give only one of them');
  }
  if (!hasStart && !hasClose) {
    throw SwfFault.validation(closed ? 'Either startTimeFilter or closeTimeFilter must be given' : 'startTimeFilter must not be null');
  }
  if (hasStart) predicates.push(timeFilter(r, 'startTimeFilter', (e) => e.startTimestamp));
  if (hasClose) predicates.push(timeFilter(r, 'closeTimeFilter', (e) => e.closeTimestamp));
  const exclusive = ['executionFilter', 'typeFilter', 'tagFilter', ...(closed ? ['closeStatusFilter'] : [])];
  const given = exclusive.filter((f) => r.has(f));
  if (given.length > 1) {
    throw SwfFault.validation(`${given.join(', ')} are mutually exclusive: give at most one of ${exclusive.join(', ')}`);
  }
  const execution = r.optionalObject('executionFilter');
  if (execution) {
    const workflowId = execution.requiredString('workflowId', { min: 1, max: LIMITS.name });
    predicates.push((e) => e.workflowId === workflowId);
  }
  const type = r.optionalObject('typeFilter');
  if (type) {
    const name = type.requiredString('name', { min: 1, max: LIMITS.name });
    const version = type.optionalString('version', { max: LIMITS.version });
    predicates.push((e) => e.workflowType.name === name && (!version || e.workflowType.version === version));
  }
  const tag = r.optionalObject('tagFilter');
  if (tag) {
    const value = tag.requiredString('tag', { max: LIMITS.tag });
    predicates.push((e) => e.tagList.includes(value));
  }
  const status = closed ? r.optionalObject('closeStatusFilter') : undefined;
  if (status) {
    const wanted = status.requiredEnum('status', CLOSE_STATUSES);
    predicates.push((e) => e.closeStatus === wanted);
  }
  return { predicates, byCloseTime: hasClose };
}

function matching(ctx: ServiceContext, r: InputReader, closed: boolean): ExecutionRecord[] {
  const domain = ctx.domain(r.requiredString('domain', { min: 1, max: LIMITS.name }));
  const { predicates, byCloseTime } = readFilters(r, closed);
  const key = (e: ExecutionRecord) => (byCloseTime ? e.closeTimestamp! : e.startTimestamp);
  const pool = closed ? [...domain.executions.values()] : [...domain.openByWorkflowId.values()];
  // Newest first, as SWF lists them. Runs are kept in the order they started, so reversing before the
  // (stable) sort puts the later of two runs with the same timestamp first: a continue-as-new chain
  // on a clock that stands still lists its last run first.
  return pool
    .filter((e) => e.isOpen !== closed && predicates.every((p) => p(e)))
    .reverse()
    .sort((a, b) => key(b) - key(a));
}

function list(closed: boolean, action: string) {
  return (ctx: ServiceContext, input: unknown) => {
    const r = InputReader.of(input, action);
    const found = matching(ctx, r, closed);
    const reverse = r.optionalBoolean('reverseOrder') ?? false;
    if (reverse) found.reverse();
    const page = pageOf(ctx.pageTokens, found, {
      query: JSON.stringify([action, input && { ...(input as object), nextPageToken: undefined }]),
      maximumPageSize: r.optionalInteger('maximumPageSize', 0, LIMITS.pageSize),
      nextPageToken: r.optionalString('nextPageToken', { max: LIMITS.pageToken }),
    });
    return { executionInfos: page.items.map(executionInfo), nextPageToken: page.nextPageToken };
  };
}

function count(closed: boolean, action: string) {
  return (ctx: ServiceContext, input: unknown) => ({
    count: matching(ctx, InputReader.of(input, action), closed).length,
    truncated: false,
  });
}

export const visibilityActions = {
  ListOpenWorkflowExecutions: list(false, 'ListOpenWorkflowExecutions'),
  ListClosedWorkflowExecutions: list(true, 'ListClosedWorkflowExecutions'),
  CountOpenWorkflowExecutions: count(false, 'CountOpenWorkflowExecutions'),
  CountClosedWorkflowExecutions: count(true, 'CountClosedWorkflowExecutions'),
};
