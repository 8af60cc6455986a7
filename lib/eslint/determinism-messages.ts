/**
 * What the determinism rule says, one message per thing it flags. Each one
 * says why the code breaks replay and what to use instead.
 */
export const DETERMINISM_MESSAGES = {
  clock:
    '`{{what}}` reads the real clock, which says something else on every replay. ' +
    'Use `this.flow.now()` (the time of the decision task, the same on every replay).',
  random:
    '`{{what}}` gives a different value on every replay. ' +
    'Wrap it in `this.flow.sideEffect(() => …)`, which runs it once and replays the recorded value.',
  timer:
    '`{{what}}` is a process timer: it is not in the history and does not survive the decider. ' +
    'Use `await this.flow.sleep(seconds)` or `this.flow.timer(seconds)` (a durable SWF timer).',
  io:
    '`{{what}}` does I/O, whose answer is not in the history and would run again on every replay. ' +
    'Do it in an activity (or a Lambda function) and call that from the workflow.',
  ioImport:
    "'{{module}}' does I/O and is imported by a file that defines a workflow. " +
    'Move the code that needs it into an activity class in its own file; a workflow calls it through `@Activity`.',
  moduleState:
    '`{{name}}` is module-level state written by workflow code: every execution and replay in the decider process shares it, ' +
    'and the history does not record it. Keep state in local variables or on the workflow instance (one per execution).',
} as const;

export type DeterminismMessageId = keyof typeof DETERMINISM_MESSAGES;
