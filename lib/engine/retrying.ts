import type { RetryPolicy } from '../metadata';
import { retryDelay } from '../metadata';
import { TimerCommand, type CallCommand, type Command, type Settler } from './commands';
import type { Deferred } from './deferred';
import { ActivityFailure, CancelledFailure, ChildWorkflowFailure, LambdaFailure, ScheduleFailure, TimeoutFailure } from './call-failures';

/** Lambda failures SWF attributes to the Lambda service rather than the function: retried even without a policy, as pyflow did. */
const SERVICE_CAUSES = [
  'LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION',
  'LAMBDA_FUNCTION_CREATION_RATE_EXCEEDED',
  'OPEN_LAMBDA_FUNCTIONS_LIMIT_EXCEEDED',
];
const SERVICE_REASON = /ServiceException|TooManyRequests|Throttl|ServiceUnavailable|EC2ThrottledException|ResourceConflictException/;

/** Failures no attempt can mend: an activity input its DTO refuses, a result SWF cannot carry. */
const ALWAYS_FINAL = ['ValidationError', 'ResultTooLarge', 'ResultNotSerializable'];

/** The policy for Lambda calls that set none: three attempts, for service failures only. */
export const LAMBDA_SERVICE_RETRY: RetryPolicy = { maximumAttempts: 3, initialInterval: 1 };

export function isServiceFailure(error: unknown): boolean {
  if (error instanceof ScheduleFailure) return SERVICE_CAUSES.includes(error.cause ?? '');
  if (error instanceof LambdaFailure) return SERVICE_REASON.test(`${error.reason ?? ''} ${error.details ?? ''}`);
  return false;
}

/**
 * Whether `error` may be retried under `policy`: a failure of the call itself whose reason is not listed
 * as non-retryable. A listed name also matches the reason workers make of a thrown Error, `Name: message`.
 */
export function isRetryable(error: unknown, policy: RetryPolicy): boolean {
  if (error instanceof CancelledFailure) return false;
  const reason =
    error instanceof ActivityFailure || error instanceof LambdaFailure || error instanceof ChildWorkflowFailure
      ? error.reason
      : error instanceof TimeoutFailure
        ? error.timeoutType
        : undefined;
  if (reason === undefined && !isServiceFailure(error)) return false;
  return ![...ALWAYS_FINAL, ...(policy.nonRetryable ?? [])].some((listed) => listed === reason || reason?.startsWith(`${listed}: `));
}

/** What a retrying call needs of the execution. */
export interface RetryHost extends Settler {
  add(command: Command): void;
  nextSequence(kind: string): number;
}

/**
 * One call tried until an attempt succeeds, the policy gives up, or it is cancelled. It
 * stands in as the settler of its attempts and back-off timers, which all share the call's
 * one future: a failed attempt that may be retried starts a durable timer instead of
 * rejecting, and the timer's firing starts the next attempt (`activity1#2`, …). The future
 * settles in the event handler of the final attempt, so `any` and timed waits order it
 * exactly as an unretried call.
 *
 * `announce` hears of each retry as the call commits to it: when the attempt before failed,
 * before its back-off timer. When it throws, that attempt is vetoed: no timer, no attempt, and
 * the call's future rejects with its error.
 */
export class RetryingCall implements Settler {
  private attempt = 0;
  private current?: CallCommand;
  private cancelled = false;

  constructor(
    private readonly host: RetryHost,
    private readonly policy: RetryPolicy,
    private readonly retryable: (error: unknown) => boolean,
    private readonly baseId: string,
    private readonly makeAttempt: (id: string, settler: Settler) => CallCommand,
    private readonly announce: (id: string, attempt: number, previousFailure: unknown, delaySeconds: number) => void = () => undefined,
  ) {}

  /** Makes the first attempt; returns it (the command the workflow's `cancel()` acts on first). */
  start(): CallCommand {
    return this.next();
  }

  /** The attempt or back-off timer under way. */
  get active(): CallCommand | undefined {
    return this.current;
  }

  /** `cancel()` on the call: no further attempt starts. */
  stop(): void {
    this.cancelled = true;
  }

  resolve(future: Deferred<unknown> | undefined, value: unknown): void {
    if (this.current instanceof TimerCommand && !this.cancelled) {
      this.next();
      return;
    }
    this.host.resolve(future, value);
  }

  reject(future: Deferred<unknown> | undefined, error: unknown): void {
    const last = this.policy.maximumAttempts !== undefined && this.attempt >= this.policy.maximumAttempts;
    if (this.current instanceof TimerCommand || this.cancelled || last || !this.retryable(error)) {
      this.host.reject(future, error);
      return;
    }
    const delay = retryDelay(this.policy, this.attempt + 1);
    try {
      this.announce(this.idOf(this.attempt + 1), this.attempt + 1, error, delay);
    } catch (veto) {
      this.host.reject(future, veto);
      return;
    }
    const timer = new TimerCommand(`timer${this.host.nextSequence('timer')}`, String(delay), future, this);
    this.current = timer;
    this.host.add(timer);
  }

  private idOf(attempt: number): string {
    return attempt === 1 ? this.baseId : `${this.baseId}#${attempt}`;
  }

  private next(): CallCommand {
    this.attempt++;
    this.current = this.makeAttempt(this.idOf(this.attempt), this);
    this.host.add(this.current);
    return this.current;
  }
}
