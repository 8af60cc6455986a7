import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import { Cancellation } from './cancellation';
import { Conditions } from './conditions';
import type { SignalInbox } from './signals';
import type { ExecutionIdentity, StartedInfo } from './execution-identity';
import { CallCommand, OutcomeCommand, TimerCommand, type Command, type Settler } from './commands';
import type { Deferred } from './deferred';
import { HistoryReferenceError } from './history-reference.error';
import { NondeterminismError } from './nondeterminism.error';
import { Outbox, type DecisionMismatch, type Outgoing } from './outbox';
import { planResponse } from './response';

/** Timer ids of the zero-second timers that carry a response over SWF's 100-decision or 1 MB limit. */
export const CONTINUE_TIMER_PREFIX = 'tsflow-continue-';

/**
 * The pure state of one execution, in the manner of Temporal's workflow
 * internals: a sequence number per command kind, the commands SWF runs by the
 * event id history gave them (so each later event finds its command in O(1)),
 * the outbox drained once per activation, and the settlement counter that
 * orders futures by event.
 */
export class ReplayState implements Settler {
  started?: StartedInfo;
  replaying = true;
  now = new Date(0);
  /** History shows the execution closed (completed, failed, terminated, timed out, …). */
  closed = false;
  /** `WorkflowExecutionCancelRequested` was applied. */
  cancelRequested = false;
  /** The closing decision the workflow reached, once it did. */
  outcome?: OutcomeCommand;
  /** The last call the workflow made, for the message when it waits on nothing. */
  lastCall?: Command;
  /** The `DecisionTaskStarted` event id of the current activation: how long the history is now. */
  historyLength = 0;
  readonly markers = new Map<string, string | undefined>();
  readonly cancellation: Cancellation;
  readonly conditions = new Conditions();

  private readonly outbox = new Outbox();
  private readonly byEvent = new Map<number, CallCommand>();
  private readonly live = new Set<CallCommand>();
  private readonly sequences = new Map<string, number>();
  private settlements = 0;
  private continueTimers = 0;

  /** @param inbox where `WorkflowExecutionSignaled` events wait for their activation. */
  /**
   * @param compareInputs replay also compares each recorded call's input with the one the code gives now.
   */
  constructor(
    readonly identity: ExecutionIdentity,
    readonly inbox: SignalInbox,
    private readonly compareInputs = false,
  ) {
    this.cancellation = new Cancellation(this);
  }

  get finished(): boolean {
    return this.outcome !== undefined;
  }

  nextSequence(kind: string): number {
    const next = (this.sequences.get(kind) ?? 0) + 1;
    this.sequences.set(kind, next);
    return next;
  }

  /** A new command: its start decision joins the outbox, and its future is watched until it settles. */
  add(command: Command): void {
    this.outbox.add(command, 'start');
    this.lastCall = command;
    if (command.future) this.live.add(command as CallCommand);
  }

  /** A cancel decision for a command SWF runs. */
  addCancel(command: Command): void {
    this.outbox.add(command, 'cancel');
  }

  /** The workflow reached its outcome; later calls are never sent. */
  finish(decision: Decision): void {
    if (this.outcome) return;
    this.outcome = new OutcomeCommand(decision);
    this.outbox.add(this.outcome, 'start');
  }

  /** SWF refused the outcome (new events arrived): the next activation sends it again. */
  resendOutcome(refused: OutcomeCommand, cause: string): void {
    refused.refused(cause);
    this.outcome = new OutcomeCommand(refused.decision());
    this.outbox.add(this.outcome, 'start');
  }

  /** `DecisionTaskCompleted`: the records that follow must be the last concluded activation's decisions. */
  openWindow(eventId: number): void {
    this.throwIf(this.outbox.open(eventId));
  }

  /** Before an activation runs: every decision of the previous one must have been recorded. */
  closeWindow(): void {
    this.throwIf(this.outbox.close());
  }

  /** Matches a record (`…Scheduled`, `TimerStarted`, …) to the decision sent at its place; indexes call commands by it. */
  match(eventId: number, decisionType: DecisionType, label: string | undefined, id: string | undefined, input?: string): Outgoing {
    const matched = this.outbox.match({ eventId, decisionType, label, id, input }, this.compareInputs);
    if (!('command' in matched)) throw this.mismatch(matched);
    if (matched.action === 'start' && matched.command instanceof CallCommand) this.byEvent.set(eventId, matched.command);
    return matched;
  }

  /** The call whose record is event `eventId` (a `scheduledEventId`, `initiatedEventId` or `startedEventId`). */
  at<T extends CallCommand>(eventId: number | undefined, referrer: number, type: abstract new (...args: never[]) => T): T {
    const command = eventId === undefined ? undefined : this.byEvent.get(eventId);
    if (!(command instanceof type)) throw new HistoryReferenceError(this.identity, referrer, eventId, type.name);
    return command;
  }

  /** The call closed: no later event refers to it. */
  forget(eventId: number | undefined): void {
    if (eventId !== undefined) this.byEvent.delete(eventId);
  }

  /** Whether any call's future has not settled (what `pendingCalls()` lists, without the list). */
  hasPendingCalls(): boolean {
    for (const command of this.live) {
      if (command.pending) return true;
      this.live.delete(command);
    }
    return false;
  }

  /** Calls whose futures have not settled, in creation order. */
  pendingCalls(): CallCommand[] {
    const out: CallCommand[] = [];
    for (const command of this.live) {
      if (command.pending) out.push(command);
      else this.live.delete(command);
    }
    return out;
  }

  /**
   * Ends the activation: what it sends (split by SWF's limits, with a continue
   * timer when split), marked sent. Decisions too large for any response fail their call.
   */
  conclude(): { sent: Outgoing[]; carriedOver: number } {
    const plan = planResponse(this.outbox.waiting());
    for (const { command } of plan.refused) this.cancellation.refuseOversize(command);
    const sent = [...plan.sent];
    if (plan.kept.length > 0) {
      const timer = new TimerCommand(`${CONTINUE_TIMER_PREFIX}${++this.continueTimers}`, '0', undefined, this, true);
      sent.push({ command: timer, action: 'start' });
    }
    this.outbox.conclude(sent, plan.kept);
    return { sent, carriedOver: plan.kept.length };
  }

  resolve(future: Deferred<unknown> | undefined, value: unknown): void {
    future?.resolve(value, ++this.settlements);
  }

  reject(future: Deferred<unknown> | undefined, error: unknown): void {
    future?.reject(error, ++this.settlements);
  }

  /** Order for settlements the engine only observes (promises the workflow derived itself). */
  nextSettlementOrder(): number {
    return ++this.settlements;
  }

  private throwIf(mismatch: DecisionMismatch | undefined): void {
    if (mismatch) throw this.mismatch(mismatch);
  }

  private mismatch(m: DecisionMismatch): NondeterminismError {
    const { workflowType, runId } = this.identity;
    return new NondeterminismError({ workflowType, runId, ...m });
  }
}
