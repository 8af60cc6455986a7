import type { HistoryEvent } from '@aws-sdk/client-swf';
import {
  WorkflowExecutionCanceledError,
  WorkflowExecutionFailedError,
  WorkflowExecutionTerminatedError,
  WorkflowExecutionTimedOutError,
  type ExecutionRef,
} from './client.errors';

/** What the last event of a closed execution says: its result, a new run to follow, or an error to throw. */
export type CloseOutcome =
  | { kind: 'completed'; result: string | undefined }
  | { kind: 'continued'; newRunId: string }
  | { kind: 'error'; error: Error }
  | { kind: 'open' };

export function closeOutcome(event: HistoryEvent | undefined, execution: ExecutionRef): CloseOutcome {
  switch (event?.eventType) {
    case 'WorkflowExecutionCompleted':
      return { kind: 'completed', result: event.workflowExecutionCompletedEventAttributes?.result };
    case 'WorkflowExecutionContinuedAsNew':
      return { kind: 'continued', newRunId: event.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? '' };
    case 'WorkflowExecutionFailed': {
      const a = event.workflowExecutionFailedEventAttributes;
      return { kind: 'error', error: new WorkflowExecutionFailedError(execution, a?.reason, a?.details) };
    }
    case 'WorkflowExecutionTimedOut':
      return {
        kind: 'error',
        error: new WorkflowExecutionTimedOutError(execution, event.workflowExecutionTimedOutEventAttributes?.timeoutType),
      };
    case 'WorkflowExecutionTerminated': {
      const a = event.workflowExecutionTerminatedEventAttributes;
      return { kind: 'error', error: new WorkflowExecutionTerminatedError(execution, a?.reason, a?.details, a?.cause) };
    }
    case 'WorkflowExecutionCanceled':
      return {
        kind: 'error',
        error: new WorkflowExecutionCanceledError(execution, event.workflowExecutionCanceledEventAttributes?.details),
      };
    default:
      return { kind: 'open' };
  }
}
