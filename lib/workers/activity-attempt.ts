/**
 * Which try of an activity a task is. SWF keeps no retry count, so a retry is
 * scheduled under its own id, `<activityId>#<n>` for attempt n ≥ 2; the first
 * attempt has no suffix.
 *
 * @example
 * ```ts
 * attemptOf('activity3');   // 1
 * attemptOf('activity3#2'); // 2
 * ```
 */
export function attemptOf(activityId: string | undefined): number {
  const match = /#([1-9]\d*)$/.exec(activityId ?? '');
  const n = match ? Number(match[1]) : 1;
  return Number.isSafeInteger(n) && n >= 2 ? n : 1;
}
