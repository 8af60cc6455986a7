import { interceptWorkflowCall, type ScheduleFn } from '../interceptors/workflow-call-chain';
import type { WorkflowDefinition } from '../metadata';
import type { CallScheduler } from './call-scheduler';

/**
 * Puts the call functions on the workflow instance. It must happen after
 * construction: with ES2022 class fields, `upcase!: LambdaCall<…>` is an own
 * property initialised to undefined, which would hide anything on the prototype.
 */
export function installCalls(instance: object, definition: WorkflowDefinition, scheduler: CallScheduler): void {
  for (const call of definition.calls) {
    let fn: ScheduleFn;
    switch (call.kind) {
      case 'lambda':
        fn = (input, options, plan, onAttempt) => scheduler.lambda(call, input, options, plan, onAttempt);
        break;
      case 'activity':
        fn = (input, options, plan, onAttempt) => scheduler.activity(call, input, options, plan, onAttempt);
        break;
      case 'child-workflow':
        fn = (input, options, plan, onAttempt) => scheduler.child(call, input, options, plan, onAttempt);
        break;
    }
    const site = { caller: () => scheduler.caller, reserve: (options?: { workflowId?: string }) => scheduler.reserve(call, options) };
    const value = interceptWorkflowCall(definition, call, fn, site);
    Object.defineProperty(instance, call.member, { value, configurable: true, enumerable: false, writable: false });
  }
}
