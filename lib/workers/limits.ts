/** SWF's limits on what a response may carry. */
export const MAX_REASON_LENGTH = 256;
export const MAX_DETAILS_LENGTH = 32_768;

const MARK = '…[truncated]';

/** Cuts text to SWF's limit, saying that it did so instead of letting SWF reject the call. */
export function truncate(text: string | undefined, max: number): string | undefined {
  if (text === undefined || text.length <= max) return text;
  return text.slice(0, max - MARK.length) + MARK;
}
