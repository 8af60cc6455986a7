import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import type { Deferred } from '../deferred';
import type { CommandKind, CommandState } from './command-state';
import { IllegalTransitionError } from './illegal-transition.error';

const DONE: readonly CommandState[] = ['closed', 'cancelled', 'failed-to-schedule'];
const FROM_CREATED: readonly CommandState[] = ['created'];

/** How many transitions a command remembers for its error messages. */
const LOG_LENGTH = 12;

/** Which of its decisions a command has on its way: the one that starts it, or the one that cancels it. */
export type CommandAction = 'start' | 'cancel';

/**
 * One call's whole life, in the manner of the AWS Flow Framework's decision
 * state machines: an explicit state, transitions as methods that name the event
 * causing them, a short log of them for error messages, and the decisions the
 * command sends. Subclasses say which transitions their kind allows.
 */
export abstract class Command {
  abstract readonly kind: CommandKind;
  /** What the nondeterminism check compares besides the decision type: type `name@version`, function, marker or signal name. */
  abstract readonly label: string;
  private current: CommandState = 'created';
  /**
   * The last transitions as pairs (cause, the state it led to, or `''` for a note), formatted only when
   * read: a replay makes thousands of them, and an error message needs a few.
   */
  private readonly log: string[] = ['created', ''];

  /**
   * @param id what SWF knows the call by (`lambda1`, `activity2`, a child's workflow id, …); the id history
   *   recorded replaces it on replay.
   * @param future the workflow's future, for commands that have a result.
   */
  constructor(
    public id: string,
    readonly future?: Deferred<unknown>,
  ) {}

  get state(): CommandState {
    return this.current;
  }

  /** The transitions so far, oldest first (at most the last twelve). */
  get transitions(): readonly string[] {
    const out: string[] = [];
    for (let i = 0; i < this.log.length; i += 2) out.push(this.log[i + 1] === '' ? this.log[i] : `${this.log[i]} → ${this.log[i + 1]}`);
    return out;
  }

  /** The decision type of `action`'s decision, as history records it. */
  abstract decisionType(action: CommandAction): DecisionType;

  /** Builds the decision for `action` with the id as it stands now (history's, once recorded). */
  abstract decision(action: CommandAction): Decision;

  /** Characters of payload (input, details) the decisions carry, for a cheap bound on their size. */
  payloadLength(): number {
    return 0;
  }

  /** The future has not settled: the workflow may still be waiting for this call. */
  get pending(): boolean {
    // Attempts of a retried call share its future: a closed attempt is not what the workflow waits for.
    return this.future !== undefined && !this.future.settled && !DONE.includes(this.current);
  }

  /** Part of a concluded activation's decisions. */
  markSent(action: CommandAction): void {
    if (action === 'start') this.move('sent', 'sent', FROM_CREATED);
    else this.note('cancel sent');
  }

  /** The workflow took the call back before any decision for it was sent. */
  withdraw(cause: string): void {
    this.move('cancelled', cause, FROM_CREATED);
  }

  /** Records `cause` in the log without changing state (a confirmation, a late event). */
  protected note(cause: string): void {
    this.remember(cause, '');
  }

  /** Moves to `to` when the state is one of `from`; anything else is a history that does not fit the command. */
  protected move(to: CommandState, cause: string, from: readonly CommandState[]): void {
    if (!from.includes(this.current)) throw new IllegalTransitionError(this.id, this.kind, this.current, cause, this.transitions);
    this.current = to;
    this.remember(cause, to);
  }

  private remember(cause: string, to: CommandState | ''): void {
    this.log.push(cause, to);
    if (this.log.length > 2 * LOG_LENGTH) this.log.splice(0, 2);
  }

  /** A history-given id, which later decisions (cancel) and error messages use. */
  adoptId(id: string | undefined): void {
    if (id !== undefined && id !== '') this.id = id;
  }
}
