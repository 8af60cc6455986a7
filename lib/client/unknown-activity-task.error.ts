import { TsflowError } from '../errors/tsflow.error';

/**
 * SWF knows no open activity task for a token: the task was already
 * completed, failed or cancelled, it timed out, its execution closed, or the
 * token is not one SWF issued. Nothing was recorded.
 */
export class UnknownActivityTaskError extends TsflowError {
  constructor(
    /** The SWF action that was refused, e.g. `RespondActivityTaskCompleted`. */
    readonly action: string,
    readonly taskToken: string,
    cause: unknown,
  ) {
    super(
      `${action} for activity task token ${shortToken(taskToken)} failed: SWF knows no open activity task for this token. ` +
        'The task was already completed, failed or cancelled, timed out, or its workflow execution closed; or the token is not one SWF issued ' +
        '(check that it is the whole ActivityContext.taskToken, from this domain and endpoint). Nothing was recorded.',
      { cause },
    );
  }
}

/** Enough of a token to tell it apart in a log line; tokens are long and opaque. */
export function shortToken(token: string): string {
  return token.length > 16 ? `'${token.slice(0, 16)}…' (${token.length} characters)` : `'${token}'`;
}
