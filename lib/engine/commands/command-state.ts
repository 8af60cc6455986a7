/**
 * Where one command is in its life. Every kind goes `created` (the workflow asked) →
 * `sent` (part of a concluded activation's decisions) → `scheduled`/`initiated`/`started`
 * (history recorded it; SWF runs it) → `closed` (history closed it). Off that path:
 * `failed-to-schedule` (SWF refused the decision), `cancel-requested` (a cancel decision
 * is on its way) and `cancelled` (taken back before it was sent, or SWF reports it cancelled).
 */
export type CommandState =
  'created' | 'sent' | 'scheduled' | 'initiated' | 'started' | 'closed' | 'failed-to-schedule' | 'cancel-requested' | 'cancelled';

/** The kinds of command a workflow makes, one state machine each (`lib/engine/commands/*.command.ts`). */
export type CommandKind = 'lambda' | 'activity' | 'child' | 'timer' | 'marker' | 'signal-external' | 'cancel-external' | 'outcome';

/** States in which SWF still runs the call (or is about to): a cancellation has something to act on. */
export const RUNNING_STATES: readonly CommandState[] = ['sent', 'scheduled', 'initiated', 'started', 'cancel-requested'];
