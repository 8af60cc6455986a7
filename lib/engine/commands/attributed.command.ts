import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import type { Deferred } from '../deferred';
import { CallCommand } from './call.command';
import type { CommandAction } from './command';
import type { Settler } from './settler';

/** How a kind's start decision is written: its type, its attributes' key, and the attribute that holds the command's id. */
export interface StartDecisionShape {
  readonly type: DecisionType;
  readonly key: keyof Decision;
  readonly id?: string;
}

/**
 * A call whose start decision is a fixed set of SWF attributes the scheduler
 * built, completed with the command's id (history's, once recorded) when sent.
 */
export abstract class AttributedCommand<A extends { readonly input?: string }> extends CallCommand {
  /**
   * @param label what the nondeterminism check compares: type `name@version`, function or signal name.
   * @param attributes the start decision's attributes, without the id.
   */
  constructor(
    id: string,
    readonly label: string,
    protected readonly attributes: A,
    future: Deferred<unknown> | undefined,
    settler: Settler,
  ) {
    super(id, future, settler);
  }

  protected abstract readonly shape: StartDecisionShape;

  decisionType(action: CommandAction): DecisionType {
    return action === 'start' ? this.shape.type : this.cancelDecision().decisionType!;
  }

  decision(action: CommandAction): Decision {
    if (action === 'cancel') return this.cancelDecision();
    const { type, key, id } = this.shape;
    return { decisionType: type, [key]: id === undefined ? { ...this.attributes } : { [id]: this.id, ...this.attributes } } as Decision;
  }

  /** The decision that cancels the call, for kinds SWF can cancel by decision. */
  protected cancelDecision(): Decision {
    throw new TypeError(`A ${this.kind} command has no cancel decision.`);
  }

  /** The call's input as sent (JSON text), for comparing with a recorded one. */
  get input(): string | undefined {
    return this.attributes.input;
  }

  override payloadLength(): number {
    return this.attributes.input?.length ?? 0;
  }
}
