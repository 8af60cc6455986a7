import {
  ListClosedWorkflowExecutionsCommand,
  ListOpenWorkflowExecutionsCommand,
  type SWFClient,
  type WorkflowExecutionInfo,
} from '@aws-sdk/client-swf';
import { describeWorkflow } from '../metadata/workflow-definition';
import type { TypeReference } from '../metadata/options';
import type { Constructor } from '../metadata/records';
import { TsflowError } from '../errors/tsflow.error';
import { swfCall } from './swf-call';

/** How a closed execution ended, as SWF reports it. */
export type CloseStatus = 'COMPLETED' | 'FAILED' | 'CANCELED' | 'TERMINATED' | 'CONTINUED_AS_NEW' | 'TIMED_OUT';

/**
 * Filters of `list()`. SWF takes at most one of `type`, `tag`, `workflowId`
 * and `closeStatus` per call; the time window defaults to the last 30 days.
 */
export interface ListOptions {
  status?: 'open' | 'closed';
  startedAfter?: Date;
  startedBefore?: Date;
  closedAfter?: Date;
  closedBefore?: Date;
  type?: Constructor | TypeReference;
  tag?: string;
  workflowId?: string;
  closeStatus?: CloseStatus;
  /** Stop after this many executions (all pages are read otherwise). */
  limit?: number;
}

const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

export async function listExecutions(swf: SWFClient, domain: string, options: ListOptions): Promise<WorkflowExecutionInfo[]> {
  const filters = ['type', 'tag', 'workflowId', 'closeStatus'].filter((k) => options[k as keyof ListOptions] !== undefined);
  if (filters.length > 1) {
    throw new TsflowError(`list(): SWF filters by one of type, tag, workflowId and closeStatus at a time; got ${filters.join(' and ')}.`);
  }
  const closed = options.status === 'closed' || options.closeStatus !== undefined || options.closedAfter !== undefined;
  if (!closed && (options.closedAfter || options.closedBefore)) {
    throw new TsflowError('list(): closedAfter and closedBefore apply to closed executions; pass status: "closed".');
  }
  const typeFilter = options.type === undefined ? undefined : typeOf(options.type);
  const common = {
    domain,
    typeFilter,
    tagFilter: options.tag === undefined ? undefined : { tag: options.tag },
    executionFilter: options.workflowId === undefined ? undefined : { workflowId: options.workflowId },
    maximumPageSize: Math.min(options.limit ?? 1000, 1000),
  };
  const useCloseTime = closed && (options.closedAfter !== undefined || options.closedBefore !== undefined);
  const startTimeFilter = useCloseTime
    ? undefined
    : { oldestDate: options.startedAfter ?? new Date(Date.now() - THIRTY_DAYS_MS), latestDate: options.startedBefore };
  const closeTimeFilter = useCloseTime ? { oldestDate: options.closedAfter ?? new Date(0), latestDate: options.closedBefore } : undefined;
  const found: WorkflowExecutionInfo[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = closed
      ? await swfCall('ListClosedWorkflowExecutions', `in domain ${domain}`, () =>
          swf.send(
            new ListClosedWorkflowExecutionsCommand({
              ...common,
              startTimeFilter,
              closeTimeFilter,
              closeStatusFilter: options.closeStatus === undefined ? undefined : { status: options.closeStatus },
              nextPageToken,
            }),
          ),
        )
      : await swfCall('ListOpenWorkflowExecutions', `in domain ${domain}`, () =>
          swf.send(new ListOpenWorkflowExecutionsCommand({ ...common, startTimeFilter: startTimeFilter!, nextPageToken })),
        );
    found.push(...(page.executionInfos ?? []));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken && (options.limit === undefined || found.length < options.limit));
  return options.limit === undefined ? found : found.slice(0, options.limit);
}

function typeOf(type: Constructor | TypeReference): TypeReference {
  if (typeof type !== 'function') return { name: type.name, version: type.version };
  const { name, version } = describeWorkflow(type);
  return { name, version };
}
