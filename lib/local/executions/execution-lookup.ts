import type { ExecutionDomain, ExecutionRecord } from '../model/execution-record';
import type { ServiceContext } from '../service/service-context';
import { SwfFault } from '../swf-fault';
import { type InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';

/** An `execution: { workflowId, runId }` member resolved to its run (open or closed). */
export function readExecution(domain: ExecutionDomain, r: InputReader, field = 'execution'): ExecutionRecord {
  const member = r.requiredObject(field);
  const workflowId = member.requiredString('workflowId', { min: 1, max: LIMITS.name });
  const runId = member.requiredString('runId', { min: 1, max: LIMITS.runId });
  const execution = domain.executions.get(runId);
  if (!execution || execution.workflowId !== workflowId) {
    throw SwfFault.unknownResource(`Unknown execution: WorkflowExecution=[workflowId=${workflowId}, runId=${runId}]`);
  }
  return execution;
}

/** The open run of `workflowId` (that very run when `runId` is given), or UnknownResourceFault. */
export function openExecution(domain: ExecutionDomain, workflowId: string, runId?: string): ExecutionRecord {
  const execution = findOpenExecution(domain, workflowId, runId);
  if (!execution) {
    const which = runId === undefined ? `workflowId=${workflowId}` : `workflowId=${workflowId}, runId=${runId}`;
    throw SwfFault.unknownResource(`Unknown execution: WorkflowExecution=[${which}] is not open in domain ${domain.name}`);
  }
  return execution;
}

/** The open run of `workflowId` (that very run when `runId` is given), or undefined. */
export function findOpenExecution(domain: ExecutionDomain, workflowId: string, runId?: string): ExecutionRecord | undefined {
  const target = domain.openByWorkflowId.get(workflowId);
  return target && (!runId || target.runId === runId) ? target : undefined;
}

/** The open run a request names by `domain`, `workflowId` and optional `runId`, or UnknownResourceFault. */
export function readOpenTarget(ctx: ServiceContext, r: InputReader): ExecutionRecord {
  const domain = ctx.domain(r.requiredString('domain', { min: 1, max: LIMITS.name }));
  const workflowId = r.requiredString('workflowId', { min: 1, max: LIMITS.name });
  const runId = r.optionalString('runId', { max: LIMITS.runId });
  return openExecution(domain, workflowId, runId || undefined);
}
