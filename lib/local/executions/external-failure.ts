/** The causes both external decisions' `*Failed` events can carry here. */
export type ExternalFailureCause = 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION' | 'OPERATION_NOT_PERMITTED';

/**
 * The attributes of SignalExternalWorkflowExecutionFailed and
 * RequestCancelExternalWorkflowExecutionFailed, which SWF shapes alike.
 */
export function externalFailure(
  a: { workflowId?: string; runId?: string; control?: string },
  cause: ExternalFailureCause,
  initiatedEventId: number,
  decisionTaskCompletedEventId: number,
) {
  return { workflowId: a.workflowId, runId: a.runId, cause, initiatedEventId, decisionTaskCompletedEventId, control: a.control };
}
