/** Every metadata key tsflow's decorators write; `lib/metadata` is their only reader. */
export const WORKFLOW_METADATA = 'tsflow:workflow';
export const WORKFLOW_CALLS_METADATA = 'tsflow:workflow-calls';
export const ACTIVITIES_METADATA = 'tsflow:activities';
export const ACTIVITY_METHODS_METADATA = 'tsflow:activity-methods';
export const WORKER_MODULE_METADATA = 'tsflow:worker-module';
export const INTERCEPTORS_METADATA = 'tsflow:interceptors';
/** On a workflow class: its `@Signal` handlers. */
export const WORKFLOW_SIGNALS_METADATA = 'tsflow:workflow-signals';
/** On a workflow class: its `@State` member. */
export const WORKFLOW_STATE_METADATA = 'tsflow:workflow-state';
/** On the decorated method function itself: its signal name, so `Approval.prototype.onApprove` alone names it. */
export const SIGNAL_NAME_METADATA = 'tsflow:signal';
