import type { Command } from './command';
import { ResultDecodingFailure, type CallOrigin } from './call-failures';
import { decodePayload } from '../swf';
import type { ReplayState } from './replay-state';

/** Settles the command's future with a result event's JSON, or with a failure when it is not JSON. */
export function settleResult(state: ReplayState, command: Command | undefined, eventId: number, result: string | undefined): void {
  if (!command) return;
  let value: unknown;
  try {
    value = decodePayload(result, `The result of ${command.id}`);
  } catch (error) {
    state.reject(command.future, new ResultDecodingFailure(result ?? '', origin(command, eventId), (error as Error).cause ?? error));
    return;
  }
  state.resolve(command.future, value);
}

/** Rejects the command's future with the failure the event describes. */
export function settleFailure(
  state: ReplayState,
  command: Command | undefined,
  eventId: number,
  failure: (origin: CallOrigin) => Error,
): void {
  if (!command) return;
  state.reject(command.future, failure(origin(command, eventId)));
}

function origin(command: Command, eventId: number): CallOrigin {
  return { callId: command.id, eventId };
}
