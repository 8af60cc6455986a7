import { SIGNAL_NAME_METADATA, WORKFLOW_SIGNALS_METADATA } from '../metadata/constants';
import type { SignalRecord } from '../metadata/records';

/**
 * Marks a workflow method as the handler of an SWF signal (the method's name by default).
 * It is called with the signal's decoded input for each `WorkflowExecutionSignaled`, in event
 * order, on replay too; a class-validator DTO parameter is validated, and an invalid signal is
 * logged and skipped. Handlers only change the workflow's state: they make no calls.
 *
 * @example
 * ```ts
 * @Signal('approve')
 * onApprove(input: Approval): void { this.approvedBy = input.by; }
 * ```
 */
export function Signal(name?: string): MethodDecorator {
  return (prototype, key, descriptor) => {
    const member = String(key);
    const where = `${prototype.constructor.name}.${member}`;
    if (typeof descriptor.value !== 'function') throw new TypeError(`@Signal on ${where}: it decorates a method.`);
    if (name !== undefined && (typeof name !== 'string' || name === '')) {
      throw new TypeError(`@Signal on ${where}: the signal name must be a non-empty string.`);
    }
    const signal = name ?? member;
    Reflect.defineMetadata(SIGNAL_NAME_METADATA, signal, descriptor.value);
    const own: SignalRecord[] = Reflect.getOwnMetadata(WORKFLOW_SIGNALS_METADATA, prototype.constructor) ?? [];
    Reflect.defineMetadata(WORKFLOW_SIGNALS_METADATA, [...own, { name: signal, member }], prototype.constructor);
  };
}
