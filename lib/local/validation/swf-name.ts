import { FORBIDDEN_NAME, FORBIDDEN_NAME_CHARACTERS } from '../../swf/names';
import { SwfFault } from '../swf-fault';
import { constraintMessage } from './validation-messages';

/** Throws a ValidationException when `value` breaks SWF's rules for names and ids. */
export function assertSwfName(value: string, path: string): void {
  if (FORBIDDEN_NAME_CHARACTERS.test(value)) {
    throw SwfFault.validation(
      constraintMessage(path, value, 'Member must not contain a : (colon), / (slash), | (vertical bar), or control characters'),
    );
  }
  if (value === FORBIDDEN_NAME) {
    throw SwfFault.validation(constraintMessage(path, value, "Member must not be the literal string 'arn'"));
  }
}
