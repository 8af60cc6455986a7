/** How a run ended, as its parent hears of it. */
export type CloseOutcome =
  | { status: 'COMPLETED'; result?: string }
  | { status: 'FAILED'; reason?: string; details?: string }
  | { status: 'CANCELED'; details?: string }
  | { status: 'TIMED_OUT' }
  | { status: 'TERMINATED' }
  | { status: 'CONTINUED_AS_NEW' };
