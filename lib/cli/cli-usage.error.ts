import { TsflowError } from '../errors/tsflow.error';

/**
 * A command line the CLI cannot run: unknown option, missing value, bad
 * module. main prints it as one line with a pointer to `--help`, and exits with status 2.
 */
export class CliUsageError extends TsflowError {
  constructor(
    message: string,
    /** The command whose `--help` explains it (`tsflow dev-server`). */
    readonly command = 'tsflow',
  ) {
    super(message);
  }
}
