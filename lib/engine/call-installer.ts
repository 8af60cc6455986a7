import { interceptWorkflowCall } from '../interceptors/workflow-call-chain';
import type { WorkflowDefinition } from '../metadata';
import type { CallScheduler } from './call-scheduler';

/**
 * Puts the call functions on the workflow instance. It must happen after
 * construction: with ES2022 class fields, `upcase!: LambdaCall<…>` is an own
 * property initialised to undefined, which would hide anything on the prototype.
 */
export function installCalls(instance: object, definition: WorkflowDefinition, scheduler: CallScheduler): void {
  for (const call of definition.calls) {
    let fn: (input: unknown, options?: never) => Promise<unknown>;
    switch (call.kind) {
      case 'lambda':
        fn = (input, options) => scheduler.lambda(call, input, options);
        break;
      case 'activity':
        fn = (input, options) => scheduler.activity(call, input, options);
        break;
      case 'child-workflow':
        fn = (input, options) => scheduler.child(call, input, options);
        break;
    }
    const value = interceptWorkflowCall(definition, call, fn, () => scheduler.caller);
    Object.defineProperty(instance, call.member, { value, configurable: true, enumerable: false, writable: false });
  }
}
