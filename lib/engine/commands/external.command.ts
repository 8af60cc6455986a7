import type { CommandState } from './command-state';
import { AttributedCommand } from './attributed.command';

const FROM_INITIATED: readonly CommandState[] = ['initiated'];

/** The execution another command targets: its workflow id and, when known, run id. */
export interface ExternalTarget {
  readonly workflowId: string;
  readonly runId?: string;
}

/**
 * A request to another execution (a signal, a cancel request): initiated, then
 * delivered or failed. SWF gives these decisions no id of their own: the command's
 * (`signal1`, `cancel1`) is the engine's, and later events find it by its initiated event.
 */
export abstract class ExternalCommand<A extends ExternalTarget & { readonly input?: string }> extends AttributedCommand<A> {
  /** `ExternalWorkflowExecutionSignaled` / `ExternalWorkflowExecutionCancelRequested`. */
  delivered(cause: string): void {
    this.move('closed', cause, FROM_INITIATED);
    this.settler.resolve(this.future, undefined);
  }
}
