/** SWF's limits (Amazon SWF quotas); the engine turns them into clear errors before an API call is rejected. */
export const MAX_PAYLOAD_LENGTH = 32_768;
export const MAX_REASON_LENGTH = 256;
export const MAX_MARKER_NAME_LENGTH = 256;
export const MAX_ID_LENGTH = 256;
export const MAX_DECISIONS_PER_RESPONSE = 100;

/**
 * Cuts `value` to `limit` characters, ending in a visible mark, so that a reader
 * of the history knows the text is incomplete instead of seeing SWF refuse the decision.
 */
export function truncate(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const mark = `… [truncated by tsflow: ${value.length} characters]`;
  return value.slice(0, Math.max(0, limit - mark.length)) + mark;
}
