import { MAX_ID_LENGTH } from '../swf';

/**
 * A child's workflow id: unique across the domain because the parent's id is,
 * and deterministic because the counter is. SWF forbids ':', '/' and '|' in ids
 * (the parent's id already satisfies that), so the parts are joined with '-'.
 * An id that would pass SWF's 256 characters keeps a hash of the parent's id instead.
 */
export function childWorkflowId(parentWorkflowId: string, sequence: number): string {
  const suffix = `-child${sequence}`;
  const id = parentWorkflowId + suffix;
  if (id.length <= MAX_ID_LENGTH) return id;
  const hash = `~${fnv1a(parentWorkflowId)}`;
  return parentWorkflowId.slice(0, MAX_ID_LENGTH - suffix.length - hash.length) + hash + suffix;
}

/** 32-bit FNV-1a: short, stable, dependency-free; collisions only matter between two over-long parent ids. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
