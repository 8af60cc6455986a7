import { TsflowError } from '../errors/tsflow.error';
import { SIGNAL_NAME_METADATA } from './constants';

/**
 * The SWF signal name of a workflow method: the name its `@Signal` gave, else the
 * method's own name (which is also `@Signal`'s default).
 *
 * @example
 * ```ts
 * signalNameOf(Approval.prototype.onApprove); // 'approve' for @Signal('approve') onApprove(…)
 * ```
 */
export function signalNameOf(method: unknown): string {
  if (typeof method !== 'function') {
    throw new TsflowError(
      `A signal is named by a string or by a workflow method (e.g. Approval.prototype.onApprove); got ${describe(method)}.`,
    );
  }
  const named: unknown = Reflect.getMetadata(SIGNAL_NAME_METADATA, method);
  if (typeof named === 'string' && named !== '') return named;
  if (method.name === '') {
    throw new TsflowError(
      'This function has no name and no @Signal metadata, so it names no signal; pass the method (Class.prototype.method) or the signal name.',
    );
  }
  return method.name;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'string' ? `the string '${value}'` : `a ${typeof value}`;
}
