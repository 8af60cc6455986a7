import type { ChildWorkflowOptions, TypeReference } from '../metadata/options';
import type { Constructor } from '../metadata/records';
import type { ChildWorkflowCall, ChildWorkflowCallOf } from './call.types';
import { checkOptions } from './check-options';
import { defineCall, memberName } from './define-call';

export const CHILD_WORKFLOW_OPTION_KEYS = [
  'taskList',
  'executionStartToCloseTimeout',
  'taskStartToCloseTimeout',
  'childPolicy',
  'lambdaRole',
  'tagList',
  'taskPriority',
  'retry',
] as const;

/** A decorator that only fits a member whose type is `Call`. */
export type TypedPropertyDecorator<Call> = <K extends string>(prototype: { [member in K]: Call }, key: K) => void;

/**
 * Declares a workflow member that starts a child workflow execution. Given the
 * child's class, the compiler checks the member's type against the child's `run`.
 *
 * @example
 * ```ts
 * @ChildWorkflow(StringConcatter, { childPolicy: 'TERMINATE' }) concat!: ChildWorkflowCall<string[], string>;
 * @ChildWorkflow({ name: 'Billing', version: '2' }) bill!: ChildWorkflowCall<Order, Receipt>;
 * ```
 */
export function ChildWorkflow<W extends { run: (...args: never[]) => unknown }>(
  workflow: Constructor<W>,
  options?: ChildWorkflowOptions,
): TypedPropertyDecorator<ChildWorkflowCallOf<W['run']>>;
export function ChildWorkflow(
  workflow: TypeReference,
  options?: ChildWorkflowOptions,
): TypedPropertyDecorator<ChildWorkflowCall<never, unknown>>;
export function ChildWorkflow(workflow: Constructor | TypeReference, options?: ChildWorkflowOptions): PropertyDecorator {
  return (prototype, key) => {
    const member = memberName('ChildWorkflow', prototype, key);
    checkOptions('ChildWorkflow', `${prototype.constructor.name}.${member}`, options, CHILD_WORKFLOW_OPTION_KEYS);
    defineCall(prototype, { kind: 'child-workflow', member, target: workflow, options: { ...options } });
  };
}
