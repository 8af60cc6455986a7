import { TsflowError } from '../errors/tsflow.error';

/** One decision as the nondeterminism check compares it: kind, then type or name, then id. */
export interface DecisionSummary {
  readonly decisionType: string;
  /** Activity or workflow type `name@version`, Lambda function, marker or signal name; empty for timers. */
  readonly label: string;
  readonly id?: string;
  /** The call's input, when the inputs are what differ (`compareInputs`). */
  readonly input?: string;
}

/** What a `NondeterminismError` carries (see its fields). */
export type NondeterminismDetails = Pick<
  NondeterminismError,
  'workflowType' | 'runId' | 'eventId' | 'decisionTaskCompletedEventId' | 'recorded' | 'produced'
>;

const clip = (text: string): string => (text.length > 120 ? `${text.slice(0, 120)}…` : text);
const show = (d: DecisionSummary | undefined): string =>
  d
    ? `${d.decisionType}${d.label ? ` ${d.label}` : ''}${d.id ? ` (id ${d.id})` : ''}${d.input !== undefined ? ` with input ${clip(d.input || '(none)')}` : ''}`
    : 'nothing';

function where(d: NondeterminismDetails): string {
  const completed = d.decisionTaskCompletedEventId;
  if (!completed) return `at event ${d.eventId}`;
  if (completed === d.eventId) return `at event ${d.eventId} (the decisions of DecisionTaskCompleted ${completed})`;
  return `at event ${d.eventId} (a decision of DecisionTaskCompleted ${completed})`;
}

function recorded(d: NondeterminismDetails): string {
  if (d.recorded) return show(d.recorded);
  return d.decisionTaskCompletedEventId ? 'no further decision there' : 'nothing';
}

/**
 * Replay produced a decision that differs from the one history recorded: the
 * workflow's code changed in a way that is not compatible with executions
 * already running (or it does something nondeterministic).
 */
export class NondeterminismError extends TsflowError {
  declare readonly workflowType: string;
  declare readonly runId: string;
  /** The event where replay and history part: the record that differs, or the `DecisionTaskCompleted` whose records ran out. */
  declare readonly eventId: number;
  /** The `DecisionTaskCompleted` whose decisions are compared (0 when the record came before any). */
  declare readonly decisionTaskCompletedEventId?: number;
  declare readonly recorded?: DecisionSummary;
  declare readonly produced?: DecisionSummary;

  constructor(details: NondeterminismDetails) {
    super(
      `Nondeterminism in workflow ${details.workflowType}, run ${details.runId}, ${where(details)}: ` +
        `history recorded ${recorded(details)} but the workflow now produces ${show(details.produced)}. ` +
        'The workflow code changed in a way that running executions cannot follow, or it depends on something ' +
        'other than its input and history (time, randomness, I/O). Deploy such changes as a new workflow version, ' +
        'or branch on this.flow.patched().',
    );
    Object.assign(this, details);
  }
}
