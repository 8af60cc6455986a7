import { TsflowError } from '../../errors/tsflow.error';
import type { CommandState } from './command-state';

/**
 * An event asked a command for a transition its state does not allow: the
 * history and the engine disagree about a call. Carries the command's id and
 * its transitions so far, so the log line says how it got there.
 */
export class IllegalTransitionError extends TsflowError {
  constructor(
    readonly commandId: string,
    readonly kind: string,
    readonly from: CommandState,
    readonly event: string,
    readonly transitions: readonly string[],
  ) {
    super(
      `The ${kind} command ${commandId} cannot take ${event} in state '${from}'. Its transitions so far: ${transitions.join(', ')}. ` +
        'The history does not fit the calls this workflow made; replay it with the code that recorded it, or report it as an engine bug.',
    );
  }
}
