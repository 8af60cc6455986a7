import { MAX_PAYLOAD_LENGTH, MAX_REASON_LENGTH, truncate as truncateText } from '../engine/limits';

/** SWF's limits on what a response may carry: the engine's, so decisions and responses cut text alike. */
export { MAX_REASON_LENGTH };
export const MAX_DETAILS_LENGTH = MAX_PAYLOAD_LENGTH;
/** `RecordActivityTaskHeartbeat` details are far shorter than other payloads (SWF API reference). */
export const MAX_HEARTBEAT_DETAILS_LENGTH = 2_048;

/** Cuts text to SWF's limit, saying that it did so instead of letting SWF reject the call. */
export function truncate(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : truncateText(text, max);
}
