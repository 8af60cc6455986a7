import { WORKFLOW_STATE_METADATA } from '../metadata/constants';
import type { StateRecord } from '../metadata/records';

/**
 * Publishes a getter's (or a method's) value: its JSON is sent as the `executionContext`
 * of every decision response (at most 32,768 characters), and `handle.state<T>()` reads it
 * from `DescribeWorkflowExecution`. One per workflow.
 *
 * @example
 * ```ts
 * @State()
 * get progress(): { approved: boolean; step: string } { return { approved: this.approved, step: this.step }; }
 * ```
 */
export function State(): MethodDecorator {
  return (prototype, key, descriptor) => {
    const member = String(key);
    const where = `${prototype.constructor.name}.${member}`;
    const kind = descriptor.get ? 'getter' : typeof descriptor.value === 'function' ? 'method' : undefined;
    if (!kind) throw new TypeError(`@State on ${where}: it decorates a getter or a method.`);
    if (Reflect.getOwnMetadata(WORKFLOW_STATE_METADATA, prototype.constructor)) {
      const other = (Reflect.getOwnMetadata(WORKFLOW_STATE_METADATA, prototype.constructor) as StateRecord).member;
      throw new TypeError(`@State on ${where}: ${prototype.constructor.name}.${other} already publishes the state; a workflow has one.`);
    }
    const record: StateRecord = { member, kind };
    Reflect.defineMetadata(WORKFLOW_STATE_METADATA, record, prototype.constructor);
  };
}
