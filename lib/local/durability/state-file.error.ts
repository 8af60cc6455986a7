import { TsflowError } from '../../errors/tsflow.error';

/** The SQLite state file of a durable local service cannot be opened, read or written. */
export class StateFileError extends TsflowError {
  constructor(
    readonly file: string,
    what: string,
    cause?: unknown,
  ) {
    const reason = cause instanceof Error ? `: ${cause.message}` : '';
    super(`tsflow local SWF state file ${file}: ${what}${reason}`, { cause });
  }
}
