/**
 * Cuts `value` to `limit` characters, ending in a visible mark, so that a reader
 * of the history knows the text is incomplete instead of seeing SWF refuse the call.
 */
export function truncate(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const mark = `… [truncated by tsflow: ${value.length} characters]`;
  return value.slice(0, Math.max(0, limit - mark.length)) + mark;
}

/** `truncate` for optional text: absent stays absent. */
export function truncateOptional(value: string | undefined, limit: number): string | undefined {
  return value === undefined ? undefined : truncate(value, limit);
}

/** Length of `text` in UTF-8 bytes, as SWF counts a request body. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: 4 bytes for 2 UTF-16 units.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
