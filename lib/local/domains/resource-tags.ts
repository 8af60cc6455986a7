import { SwfFault } from '../swf-fault';
import { type InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';

export interface ResourceTagValue {
  key: string;
  value: string;
}

/** A `tags` list of `{ key, value }`, at most 50 of them. */
export function readResourceTags(r: InputReader, field: string): ResourceTagValue[] | undefined {
  if (!r.has(field)) return undefined;
  const items = r.optionalArray(field, Number.MAX_SAFE_INTEGER)!;
  if (items.length > LIMITS.resourceTags) {
    throw SwfFault.tooManyTags(`At most ${LIMITS.resourceTags} tags per resource; ${field} has ${items.length}`);
  }
  return r.objectList(field, LIMITS.resourceTags).map((tag) => ({
    key: tag.requiredString('key', { min: 1, max: LIMITS.tagKey }),
    value: tag.optionalString('value', { max: LIMITS.tag }) ?? '',
  }));
}
