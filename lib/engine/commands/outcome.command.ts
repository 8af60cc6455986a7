import type { CommandState } from './command-state';
import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import { Command } from './command';

const FROM_SENT: readonly CommandState[] = ['sent'];

/**
 * The decision that closes the execution (`CompleteWorkflowExecution`,
 * `FailWorkflowExecution`, `CancelWorkflowExecution`, `ContinueAsNewWorkflowExecution`):
 * always the last of its activation's decisions.
 */
export class OutcomeCommand extends Command {
  readonly kind = 'outcome';
  readonly label = '';

  constructor(private readonly closing: Decision) {
    super('workflow');
  }

  decisionType(): DecisionType {
    return this.closing.decisionType!;
  }

  decision(): Decision {
    return structuredClone(this.closing);
  }

  override payloadLength(): number {
    return JSON.stringify(this.closing).length;
  }

  /** `WorkflowExecutionCompleted`, `…Failed`, `…Canceled`, `…ContinuedAsNew`. */
  recorded(cause: string): void {
    this.move('closed', cause, FROM_SENT);
  }

  /** `CompleteWorkflowExecutionFailed` and the like (new events arrived meanwhile): the next activation sends it again. */
  refused(cause: string): void {
    this.move('failed-to-schedule', cause, FROM_SENT);
  }
}
