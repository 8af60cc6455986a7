import { TsflowError } from '../errors/tsflow.error';
import { DECISION_BYTES_BUDGET } from './response';

/** One decision alone is larger than a `RespondDecisionTaskCompleted` request may be; the call fails instead of every response being refused. */
export class DecisionTooLargeError extends TsflowError {
  constructor(
    readonly callId: string,
    readonly decisionType: string,
  ) {
    super(
      `The ${decisionType} decision of ${callId} is larger than one decision task response can carry ` +
        `(${DECISION_BYTES_BUDGET} bytes of SWF's 1 MB request limit); pass a reference (e.g. an S3 key) instead of the data.`,
    );
  }
}
