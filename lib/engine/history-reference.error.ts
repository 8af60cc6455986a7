import { TsflowError } from '../errors/tsflow.error';
import type { ExecutionIdentity } from './execution-identity';

/**
 * An event refers to a call (`scheduledEventId`, `initiatedEventId`, `startedEventId`)
 * that the history did not start, or not as that kind: a history that is cut,
 * edited, or of another execution.
 */
export class HistoryReferenceError extends TsflowError {
  constructor(identity: ExecutionIdentity, eventId: number, reference: number | undefined, expected: string) {
    super(
      `Event ${eventId} of workflow ${identity.workflowType}, run ${identity.runId}, refers to event ${reference ?? '(none)'}, ` +
        `which is not a call of this execution that an event of its kind can refer to (expected a ${expected.replace(/Command$/, '')} call). ` +
        'Pass the whole history of one execution, in event order.',
    );
  }
}
