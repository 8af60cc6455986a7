import { TsflowError } from '../errors/tsflow.error';

/**
 * Where a failed call came from, so a workflow can log or branch on it without
 * parsing messages: the call's id (as SWF knows it) and the history event that
 * settled it.
 */
export interface CallOrigin {
  /** `lambda1`, `activity2`, `timer3`, a child's workflow id, or a marker name. */
  readonly callId: string;
  /** The history event that settled the call; 0 when the engine rejected it before SWF saw it. */
  readonly eventId: number;
}

/** The base of every error an awaited workflow call rejects with. */
export class WorkflowCallFailure extends TsflowError {
  readonly callId: string;
  readonly eventId: number;

  constructor(message: string, origin: CallOrigin, options?: { cause?: unknown }) {
    super(message, options);
    this.callId = origin.callId;
    this.eventId = origin.eventId;
  }
}

/** A Lambda function failed (`LambdaFunctionFailed`): SWF's reason and details. */
export class LambdaFailure extends WorkflowCallFailure {
  constructor(
    readonly reason: string | undefined,
    readonly details: string | undefined,
    origin: CallOrigin,
  ) {
    super(`Lambda ${origin.callId} failed (event ${origin.eventId}): ${reason ?? 'no reason given'}`, origin);
  }
}

/** An activity task failed (`ActivityTaskFailed`): the reason and details its worker reported. */
export class ActivityFailure extends WorkflowCallFailure {
  constructor(
    readonly reason: string | undefined,
    readonly details: string | undefined,
    origin: CallOrigin,
  ) {
    super(`Activity ${origin.callId} failed (event ${origin.eventId}): ${reason ?? 'no reason given'}`, origin);
  }
}

/** A child workflow failed or was terminated (`ChildWorkflowExecutionFailed`/`Terminated`). */
export class ChildWorkflowFailure extends WorkflowCallFailure {
  constructor(
    readonly reason: string | undefined,
    readonly details: string | undefined,
    origin: CallOrigin,
  ) {
    super(`Child workflow ${origin.callId} failed (event ${origin.eventId}): ${reason ?? 'no reason given'}`, origin);
  }
}

/** A Lambda, activity or child workflow ran out of time; `timeoutType` is SWF's (`START_TO_CLOSE`, `HEARTBEAT`, …). */
export class TimeoutFailure extends WorkflowCallFailure {
  constructor(
    readonly timeoutType: string | undefined,
    readonly details: string | undefined,
    origin: CallOrigin,
  ) {
    super(`${origin.callId} timed out (${timeoutType ?? 'unknown timeout'}, event ${origin.eventId}).`, origin);
  }
}

/**
 * SWF refused to schedule or start the call (`ScheduleActivityTaskFailed`,
 * `StartTimerFailed`, `StartChildWorkflowExecutionFailed`, …); `cause` is SWF's
 * code, e.g. `ACTIVITY_TYPE_DOES_NOT_EXIST`, which usually means a registration is missing.
 */
export class ScheduleFailure extends WorkflowCallFailure {
  constructor(
    // SWF calls its failure code `cause`; it takes the place of Error's chained cause here.
    override readonly cause: string | undefined,
    readonly eventType: string,
    origin: CallOrigin,
    readonly detail?: string,
  ) {
    super(
      `SWF could not start ${origin.callId}: ${eventType} with cause ${cause ?? 'unknown'}${detail ? ` (${detail})` : ''} (event ${origin.eventId}).`,
      origin,
    );
  }
}

/** The call was cancelled: a timer cancelled by the workflow, an activity or child that SWF reports canceled. */
export class CancelledFailure extends WorkflowCallFailure {
  constructor(
    readonly details: string | undefined,
    origin: CallOrigin,
  ) {
    super(`${origin.callId} was cancelled${origin.eventId ? ` (event ${origin.eventId})` : ''}.`, origin);
  }
}

/** The call completed, but its result is not valid JSON; the workflow sees it as a failure of that call. */
export class ResultDecodingFailure extends WorkflowCallFailure {
  constructor(
    readonly result: string,
    origin: CallOrigin,
    cause: unknown,
  ) {
    super(
      `The result of ${origin.callId} (event ${origin.eventId}) is not valid JSON: ${(cause as Error).message}. ` +
        `It starts with ${JSON.stringify(result.slice(0, 80))}; make the Lambda, activity or child workflow return JSON text.`,
      origin,
      { cause },
    );
  }
}

/**
 * The function given to `sideEffect` threw. The error is recorded in the
 * marker, so the first run and every replay see this same failure.
 */
export class SideEffectFailure extends WorkflowCallFailure {
  constructor(
    readonly errorName: string,
    readonly errorMessage: string,
    readonly errorStack: string | undefined,
    origin: CallOrigin,
  ) {
    super(`The side effect ${origin.callId} threw ${errorName}: ${errorMessage}`, origin);
  }
}
