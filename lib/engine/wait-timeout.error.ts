import { TsflowError } from '../errors/tsflow.error';

/** `timedAll`/`timedAny`: the timer fired before the futures met the condition. */
export class WaitTimeout extends TsflowError {
  constructor(
    readonly timeoutSeconds: number,
    readonly timerId: string,
  ) {
    super(`The wait timed out after ${timeoutSeconds} s (timer ${timerId}) before its futures were done.`);
  }
}
