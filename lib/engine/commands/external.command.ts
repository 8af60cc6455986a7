import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import type { Deferred } from '../deferred';
import { CallCommand } from './call.command';
import type { Settler } from './settler';

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
export abstract class ExternalCommand extends CallCommand {
  constructor(
    id: string,
    readonly target: ExternalTarget,
    future: Deferred<unknown> | undefined,
    settler: Settler,
  ) {
    super(id, future, settler);
  }

  abstract override decisionType(): DecisionType;
  abstract override decision(): Decision;

  /** `ExternalWorkflowExecutionSignaled` / `ExternalWorkflowExecutionCancelRequested`. */
  delivered(cause: string): void {
    this.move('closed', cause, ['initiated']);
    this.settler.resolve(this.future, undefined);
  }
}
