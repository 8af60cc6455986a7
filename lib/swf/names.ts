import { MAX_NAME_LENGTH } from './limits';
import { printable, show } from './show';

/**
 * SWF forbids these in every name and id it later embeds in ARNs and task lists:
 * ':', '/', '|' and control characters (\u0000-\u001f, \u007f-\u009f).
 */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_NAME_CHARACTERS = /[:/|\u0000-\u001f\u007f-\u009f]/;

/** SWF forbids the name `arn` itself (not names that merely contain it, such as `Learning`). */
export const FORBIDDEN_NAME = 'arn';

/** Returns what is wrong with an SWF name (type, version, task list, function, id), or undefined. */
export function nameProblem(label: string, value: unknown, maxLength: number = MAX_NAME_LENGTH): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return `${label} must be a non-empty string, got ${show(value)}`;
  if (value.length > maxLength) return `${label} is ${value.length} characters long; SWF allows at most ${maxLength}`;
  if (value.trim() !== value) return `${label} '${value}' has leading or trailing whitespace, which SWF forbids`;
  const bad = FORBIDDEN_NAME_CHARACTERS.exec(value);
  if (bad) return `${label} '${printable(value)}' contains ${printable(bad[0])}, which SWF forbids (':', '/', '|' and control characters)`;
  if (value === FORBIDDEN_NAME) return `${label} is the literal '${FORBIDDEN_NAME}', which SWF forbids as a name`;
  return undefined;
}
