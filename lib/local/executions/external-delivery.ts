import type { DecisionScope } from '../decision-tasks/decision-scope';
import type { ExecutionRecord } from '../model/execution-record';
import { findOpenExecution } from './execution-lookup';
import { externalFailure } from './external-failure';

/** The three events of a decision that reaches another execution (signal it, or ask it to cancel). */
export interface ExternalEvents {
  /** Recorded now, with the decision: `…Initiated`. */
  readonly initiated: 'SignalExternalWorkflowExecutionInitiated' | 'RequestCancelExternalWorkflowExecutionInitiated';
  /** Recorded after the decisions when no such run is open: `…Failed`. */
  readonly failed: 'SignalExternalWorkflowExecutionFailed' | 'RequestCancelExternalWorkflowExecutionFailed';
  /** Recorded after the decisions once the target got it: `External…`. */
  readonly delivered: 'ExternalWorkflowExecutionSignaled' | 'ExternalWorkflowExecutionCancelRequested';
}

/**
 * SWF's shape of both external decisions: the `…Initiated` event now; after the
 * task's decisions, `deliver` to the open target and this run's confirmation,
 * or the `…Failed` event (UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION) when no such run is open.
 */
export function reachExternal(
  scope: DecisionScope,
  a: { workflowId?: string; runId?: string; control?: string },
  events: ExternalEvents,
  initiatedAttributes: object,
  deliver: (target: ExecutionRecord, initiatedEventId: number) => void,
): void {
  const { execution, completedEventId: decisionTaskCompletedEventId } = scope;
  const { workflowId, runId, control } = a;
  const initiatedEventId = execution.addEvent(events.initiated, {
    workflowId,
    runId,
    ...initiatedAttributes,
    decisionTaskCompletedEventId,
    control,
  });
  scope.after.push(() => {
    const target = findOpenExecution(execution.domain, workflowId!, runId);
    if (!target) {
      execution.addEvent(
        events.failed,
        externalFailure(a, 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION', initiatedEventId, decisionTaskCompletedEventId),
      );
      return;
    }
    deliver(target, initiatedEventId);
    execution.addEvent(events.delivered, { workflowExecution: target.ref, initiatedEventId });
  });
}
