export { ActivityAbandonedError, ActivityCancelledError, ActivityContext } from './activity-context';
export { ActivityInputDecodeError, ActivityInputValidationError } from './activity-input';
export { ActivityWorker } from './activity-worker';
export { CompleteLater } from './complete-later';
export type { ActivityWorkerOptions } from './activity-worker';
export { DeciderWorker } from './decider-worker';
export type { DeciderWorkerOptions } from './decider-worker';
export { REGISTRATION_DEFAULTS, TypeDeprecatedError } from './register-types';
export { containerWorkflowFactory } from './workflow-factory';
