import type { CloseOutcome } from '../executions/execution-lifecycle';
import type { ExecutionRecord } from '../model/execution-record';

/**
 * Tells an open parent how its child ended, with the Child* event SWF
 * records. A child that continues as new stays the parent's child: the
 * link moves to the new run and the parent hears nothing yet.
 */
export function notifyParentOfClose(child: ExecutionRecord, outcome: CloseOutcome): void {
  const link = child.parent;
  const parent = link?.execution;
  const state = parent?.children.get(link!.initiatedEventId);
  if (outcome.status === 'CONTINUED_AS_NEW') {
    const next = outcome.next(parent?.isOpen && state ? link : undefined);
    if (state) state.execution = next;
    return;
  }
  if (!link || !parent?.isOpen || !state) return;
  parent.children.delete(link.initiatedEventId);
  const common = {
    workflowExecution: child.ref,
    workflowType: child.workflowType,
    initiatedEventId: link.initiatedEventId,
    startedEventId: state.startedEventId ?? 0,
  };
  switch (outcome.status) {
    case 'COMPLETED':
      parent.addEvent('ChildWorkflowExecutionCompleted', { ...common, result: outcome.result });
      return;
    case 'FAILED':
      parent.addEvent('ChildWorkflowExecutionFailed', { ...common, reason: outcome.reason, details: outcome.details });
      return;
    case 'CANCELED':
      parent.addEvent('ChildWorkflowExecutionCanceled', { ...common, details: outcome.details });
      return;
    case 'TIMED_OUT':
      parent.addEvent('ChildWorkflowExecutionTimedOut', { ...common, timeoutType: 'START_TO_CLOSE' });
      return;
    case 'TERMINATED':
      parent.addEvent('ChildWorkflowExecutionTerminated', common);
      return;
  }
}
