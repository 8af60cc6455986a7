import { WORKFLOW_CALLS_METADATA } from '../metadata/constants';
import type { CallRecord } from '../metadata/records';

/** Appends one member's call record to its class; kept in declaration order. */
export function defineCall(prototype: object, record: CallRecord): void {
  const ctor = prototype.constructor;
  const own: CallRecord[] = Reflect.hasOwnMetadata(WORKFLOW_CALLS_METADATA, ctor)
    ? Reflect.getOwnMetadata(WORKFLOW_CALLS_METADATA, ctor)
    : [...((Reflect.getMetadata(WORKFLOW_CALLS_METADATA, ctor) as CallRecord[] | undefined) ?? [])];
  Reflect.defineMetadata(WORKFLOW_CALLS_METADATA, [...own, record], ctor);
}

/** Decorators are applied to members by name; tsflow does not support symbol-keyed members. */
export function memberName(decorator: string, prototype: object, key: string | symbol): string {
  if (typeof key !== 'string') {
    throw new TypeError(`@${decorator} on ${prototype.constructor.name}: members with symbol keys are not supported; use a named member.`);
  }
  return key;
}
