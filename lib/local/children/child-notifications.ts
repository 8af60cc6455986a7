import type { CloseOutcome } from '../model/close-outcome';
import type { ExecutionRecord, ParentLink } from '../model/execution-record';

/**
 * The parent link a run that continues as new hands to its next run: a
 * continued child stays its parent's child (see {@link moveChildLink}), as
 * long as the parent is open and still counts it.
 */
export function continuedParentLink(child: ExecutionRecord): ParentLink | undefined {
  const link = child.parent;
  return link?.execution.isOpen && link.execution.children.has(link.initiatedEventId) ? link : undefined;
}

/** The parent's child entry now points at the next run; the parent hears nothing yet. */
export function moveChildLink(link: ParentLink, next: ExecutionRecord): void {
  const state = link.execution.children.get(link.initiatedEventId);
  if (state) state.execution = next;
}

/** Tells an open parent how its child ended, with the Child* event SWF records. */
export function notifyParentOfClose(child: ExecutionRecord, outcome: CloseOutcome): void {
  if (outcome.status === 'CONTINUED_AS_NEW') return;
  const link = child.parent;
  const parent = link?.execution;
  const state = parent?.children.get(link!.initiatedEventId);
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
