import { SwfFault } from '../swf-fault';
import { constraintMessage } from './validation-messages';

// SWF rejects these in every identifier it later embeds in ARNs and task lists.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[:/|\u0000-\u001f\u007f-\u009f]/;

/** Throws a ValidationException when `value` breaks SWF's rules for names and ids. */
export function assertSwfName(value: string, path: string): void {
  if (FORBIDDEN.test(value)) {
    throw SwfFault.validation(
      constraintMessage(path, value, 'Member must not contain a : (colon), / (slash), | (vertical bar), or control characters'),
    );
  }
  if (value === 'arn') {
    throw SwfFault.validation(constraintMessage(path, value, "Member must not be the literal string 'arn'"));
  }
}
