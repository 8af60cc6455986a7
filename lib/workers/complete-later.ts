/**
 * What `ActivityContext.completeLater()` returns. An activity method that
 * returns it leaves its task open: the worker sends nothing for it and frees
 * the slot, and whoever holds the task token finishes it with
 * `client.activityCompletion(taskToken)`.
 */
export class CompleteLater {
  constructor(readonly taskToken: string) {
    Object.freeze(this);
  }
}

export function isCompleteLater(value: unknown): value is CompleteLater {
  return value instanceof CompleteLater;
}
