import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import { adoptId, type Command, type CommandKind } from './command';
import type { Deferred } from './deferred';
import { NondeterminismError, type DecisionSummary } from './nondeterminism.error';

/** What `WorkflowExecutionStarted` told the execution about itself. */
export interface StartedInfo {
  readonly input?: string;
  readonly lambdaRole?: string;
  readonly parent?: { readonly workflowId: string; readonly runId: string };
  readonly tagList: readonly string[];
}

export interface ExecutionIdentity {
  readonly workflowType: string;
  readonly workflowId: string;
  readonly runId: string;
}

/** Timer ids of the zero-second timers that carry a response over SWF's 100-decision limit. */
export const CONTINUE_TIMER_PREFIX = 'tsflow-continue-';

/**
 * The pure state machine of one execution, in the manner of Temporal's workflow
 * internals: a sequence number per command kind, the commands in call order
 * (the queue SWF's decisions are taken from), and the commands by the event id
 * that history gave them, so that each completion event finds its future in O(1).
 *
 * Matching rule: the decisions recorded after a `DecisionTaskCompleted` must
 * equal, in order, the oldest commands not yet recorded (same decision type and
 * type/name). Commands that history has not recorded yet stay queued and go out
 * with the next response; that is how a response over 100 decisions continues,
 * and what SWF's own record shows when a decider sent fewer decisions than its
 * workflow made.
 */
export class ReplayState {
  started?: StartedInfo;
  replaying = true;
  now = new Date(0);
  outcome?: Decision;
  outcomeRecorded = false;
  /** History shows the execution closed (completed, failed, terminated, timed out, …). */
  closed = false;
  /** `WorkflowExecutionCancelRequested` was applied. */
  cancelRequested = false;
  /** Set by the scheduler: settles what the workflow waits for when cancellation is requested. */
  onCancelRequested?: (eventId: number) => void;
  readonly markers = new Map<string, string | undefined>();

  private readonly queue: Command[] = [];
  private head = 0;
  private readonly byEventId = new Map<number, Command>();
  private readonly sequences = new Map<string, number>();
  private settlements = 0;
  private continueTimers = 0;

  constructor(readonly identity: ExecutionIdentity) {}

  get finished(): boolean {
    return this.outcome !== undefined;
  }

  nextSequence(kind: CommandKind | 'side-effect'): number {
    const next = (this.sequences.get(kind) ?? 0) + 1;
    this.sequences.set(kind, next);
    return next;
  }

  add(command: Command): void {
    this.queue.push(command);
  }

  /** Takes back a command that was never sent (e.g. a timer cancelled before SWF heard of it). */
  drop(command: Command): boolean {
    if (command.state !== 'unsent') return false;
    command.state = 'dropped';
    return true;
  }

  /** Commands waiting for SWF to record them, in call order. */
  unsent(): Command[] {
    const out: Command[] = [];
    for (let i = this.head; i < this.queue.length; i++) if (this.queue[i].state === 'unsent') out.push(this.queue[i]);
    return out;
  }

  nextContinueTimerId(): string {
    return `${CONTINUE_TIMER_PREFIX}${this.continueTimers + 1}`;
  }

  /** A recorded continue timer (recognised by its id) consumes no command; its firing is ignored. */
  recordContinueTimer(timerId: string | undefined): boolean {
    if (!timerId?.startsWith(CONTINUE_TIMER_PREFIX)) return false;
    this.continueTimers++;
    return true;
  }

  /** Matches a decision recorded in history (event `eventId`) to the oldest unsent command. */
  recorded(eventId: number, decisionType: DecisionType, label: string, id: string | undefined): Command {
    while (this.head < this.queue.length && this.queue[this.head].state !== 'unsent') this.head++;
    const command = this.queue[this.head];
    const recorded: DecisionSummary = { decisionType, label, id };
    if (!command) {
      throw this.mismatch(eventId, recorded, this.outcome && !this.outcomeRecorded ? summarizeOutcome(this.outcome) : undefined);
    }
    if (command.decisionType !== decisionType || command.label !== label) throw this.mismatch(eventId, recorded, summarize(command));
    this.head++;
    command.state = 'recorded';
    adoptId(command, id);
    this.byEventId.set(eventId, command);
    // A kept execution lives as long as its workflow: forget recorded commands in amortised O(1).
    if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return command;
  }

  /** `WorkflowExecutionCompleted`/`Failed`: the outcome SWF recorded must be the one the workflow reached. */
  recordOutcome(eventId: number, decisionType: DecisionType): void {
    const pending = this.unsent()[0];
    if (pending || this.outcome?.decisionType !== decisionType) {
      throw this.mismatch(
        eventId,
        { decisionType, label: '' },
        pending ? summarize(pending) : this.outcome && summarizeOutcome(this.outcome),
      );
    }
    this.outcomeRecorded = true;
    this.closed = true;
  }

  /** A cancellation request reaches the workflow once, at its place in event order. */
  requestCancel(eventId: number): void {
    if (this.cancelRequested || this.finished) return;
    this.cancelRequested = true;
    this.onCancelRequested?.(eventId);
  }

  /** A decision record no later event refers to (`ActivityTaskCancelRequested`, …): matched, then forgotten. */
  confirmed(eventId: number, decisionType: DecisionType, label: string, id: string | undefined): Command {
    const command = this.recorded(eventId, decisionType, label, id);
    this.byEventId.delete(eventId);
    return command;
  }

  /** The command recorded at `eventId`, for events that tell about it without closing it (`ChildWorkflowExecutionStarted`). */
  peek(eventId: number | undefined): Command | undefined {
    return eventId === undefined ? undefined : this.byEventId.get(eventId);
  }

  /** SWF knows the call as open: not yet sent (so it can still be dropped), or recorded and not closed by history. */
  isOpen(command: Command): boolean {
    return command.state === 'unsent' || (command.state === 'recorded' && !command.closed);
  }

  /** Commands whose future has not settled: recorded ones in record order, then unsent ones in call order. */
  openCommands(): Command[] {
    const open: Command[] = [];
    for (const command of this.byEventId.values()) if (command.future && !command.future.settled) open.push(command);
    for (const command of this.unsent()) if (command.future && !command.future.settled) open.push(command);
    return open;
  }

  /** The command a terminal event (completed, failed, fired, …) settles; no later event refers to it. */
  take(eventId: number | undefined): Command | undefined {
    if (eventId === undefined) return undefined;
    const command = this.byEventId.get(eventId);
    this.byEventId.delete(eventId);
    if (command) command.closed = true;
    return command;
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

  mismatch(eventId: number, recorded: DecisionSummary | undefined, produced: DecisionSummary | undefined): NondeterminismError {
    const { workflowType, runId } = this.identity;
    return new NondeterminismError({ workflowType, runId, eventId, recorded, produced });
  }
}

function summarize(command: Command): DecisionSummary {
  return { decisionType: command.decisionType, label: command.label, id: command.id };
}

function summarizeOutcome(outcome: Decision): DecisionSummary {
  return { decisionType: String(outcome.decisionType), label: '' };
}
