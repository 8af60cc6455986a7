import { TsflowError } from '../errors/tsflow.error';
/**
 * A command line the CLI cannot run: unknown option, missing value, bad
 * module. main prints the message and the usage, and exits with status 2.
 */
export class CliUsageError extends TsflowError {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'CliUsageError';
  }
}
