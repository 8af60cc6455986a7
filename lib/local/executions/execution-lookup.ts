import type { DomainRecord } from '../model/domain-record';
import type { ExecutionRecord } from '../model/execution-record';
import { SwfFault } from '../swf-fault';
import { type InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';

/** An `execution: { workflowId, runId }` member resolved to its run (open or closed). */
export function readExecution(domain: DomainRecord, r: InputReader, field = 'execution'): ExecutionRecord {
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
export function openExecution(domain: DomainRecord, workflowId: string, runId?: string): ExecutionRecord {
  const execution = domain.openByWorkflowId.get(workflowId);
  if (!execution || (runId !== undefined && execution.runId !== runId)) {
    const which = runId === undefined ? `workflowId=${workflowId}` : `workflowId=${workflowId}, runId=${runId}`;
    throw SwfFault.unknownResource(`Unknown execution: WorkflowExecution=[${which}] is not open in domain ${domain.name}`);
  }
  return execution;
}
