import { TsflowError } from '../errors/tsflow.error';

/**
 * A kept execution was handed a decision task that does not continue where it
 * stopped; the caller should drop it and replay the task's full history.
 */
export class ExecutionOutOfSyncError extends TsflowError {
  constructor(
    readonly runId: string,
    readonly expectedPreviousStartedEventId: number,
    readonly actualPreviousStartedEventId: number | undefined,
  ) {
    super(
      `Execution ${runId} stopped at DecisionTaskStarted ${expectedPreviousStartedEventId}, but the decision task continues ` +
        `from ${actualPreviousStartedEventId ?? 'nothing'}; replay its full history with a new WorkflowExecution.`,
    );
  }
}
