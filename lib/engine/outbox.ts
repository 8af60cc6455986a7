import type { DecisionType } from '@aws-sdk/client-swf';
import { AttributedCommand, type Command, type CommandAction } from './commands';
import { sameJson } from './same-json';
import type { DecisionSummary } from './nondeterminism.error';

/** One decision on its way: which command, and whether it starts or cancels it. */
export interface Outgoing {
  readonly command: Command;
  readonly action: CommandAction;
}

/** One decision as history recorded it, after a `DecisionTaskCompleted`. */
export interface RecordedDecision {
  readonly eventId: number;
  readonly decisionType: DecisionType;
  /** Type, function, marker or signal name; undefined where the event does not record it (`SignalExternalWorkflowExecutionFailed`). */
  readonly label: string | undefined;
  readonly id?: string;
  /** The recorded call's input, for `compareInputs`. */
  readonly input?: string;
}

/** Why a recorded decision does not fit: what history recorded, what the workflow produced, and where. */
export interface DecisionMismatch {
  readonly eventId: number;
  readonly decisionTaskCompletedEventId: number;
  readonly recorded?: DecisionSummary;
  readonly produced?: DecisionSummary;
}

export function summarize(entry: Outgoing): DecisionSummary {
  const { command, action } = entry;
  return { decisionType: command.decisionType(action), label: action === 'start' ? command.label : '', id: command.id };
}

/**
 * The decisions of one execution in the order the workflow made them, drained
 * once per activation (as Temporal's `concludeActivation()`): what an activation
 * concludes with is exactly what its decision task sent, so the decisions history
 * records after that task's `DecisionTaskCompleted` must match it one for one.
 */
export class Outbox {
  private queue: Outgoing[] = [];
  private expected: readonly Outgoing[] = [];
  private matched = 0;
  private window: number | undefined;

  add(command: Command, action: CommandAction): void {
    this.queue.push({ command, action });
  }

  /** Decisions made and not yet part of a concluded activation (withdrawn commands left out). */
  waiting(): Outgoing[] {
    return this.queue.filter(live);
  }

  /** The activation is over: `sent` of its waiting decisions went out (the rest wait for the next one). */
  conclude(sent: readonly Outgoing[], keep: readonly Outgoing[]): void {
    for (const entry of sent) entry.command.markSent(entry.action);
    this.queue = [...keep];
    this.expected = sent;
    this.matched = 0;
  }

  /** `DecisionTaskCompleted` at `eventId`: the records that follow answer the last concluded activation. */
  open(eventId: number): DecisionMismatch | undefined {
    const unmatched = this.window === undefined ? undefined : this.close();
    this.window = eventId;
    return unmatched;
  }

  /** Matches one record to the next decision sent; a mismatch when it is not that decision. */
  match(record: RecordedDecision, compareInputs = false): Outgoing | DecisionMismatch {
    const entry = this.window === undefined ? undefined : this.expected[this.matched];
    // The summaries are built only for a mismatch: a replay matches thousands of records.
    const mismatch = (produced?: DecisionSummary, input?: { recorded: string; produced: string }): DecisionMismatch => {
      const recorded = { decisionType: record.decisionType, label: record.label ?? '', id: record.id };
      return {
        eventId: record.eventId,
        decisionTaskCompletedEventId: this.window ?? 0,
        recorded: input ? { ...recorded, input: input.recorded } : recorded,
        produced: produced && input ? { ...produced, input: input.produced } : produced,
      };
    };
    if (!entry) return mismatch();
    const { command, action } = entry;
    const label = action === 'start' ? command.label : '';
    if (command.decisionType(action) !== record.decisionType || (record.label !== undefined && label !== record.label)) {
      return mismatch(summarize(entry));
    }
    if (compareInputs && action === 'start' && command instanceof AttributedCommand) {
      const input = command.input;
      if (!sameJson(record.input, input)) return mismatch(summarize(entry), { recorded: record.input ?? '', produced: input ?? '' });
    }
    this.matched++;
    if (entry.action === 'start') entry.command.adoptId(record.id);
    return entry;
  }

  /** The records of the open window are all applied: a decision sent and never recorded is a mismatch. */
  close(): DecisionMismatch | undefined {
    const window = this.window;
    const entry = this.expected[this.matched];
    this.window = undefined;
    this.expected = [];
    if (window === undefined || entry === undefined) return undefined;
    return { eventId: window, decisionTaskCompletedEventId: window, produced: summarize(entry) };
  }
}

const live = (entry: Outgoing): boolean => entry.action === 'cancel' || entry.command.state === 'created';
