export { describeActivities, isActivitiesClass } from './activity-definition';
export type { ActivityDefaults, ActivityTypeDefinition } from './activity-definition';
export { InvalidDefinitionError } from './definition.error';
export type {
  ActivitiesOptions,
  ActivityCallOptions,
  ActivityOptions,
  ChildPolicy,
  ChildWorkflowOptions,
  Duration,
  LambdaOptions,
  RetryPolicy,
  TypeReference,
  WorkflowOptions,
} from './options';
export type { InterceptorItem } from './interceptor-metadata';
export type { Constructor, StateRecord } from './records';
export { retryDelay, retryProblem } from './retry-policy';
export { signalNameOf } from './signal-name';
export { TypeRegistry } from './type-registry';
export type { RegistrySource } from './type-registry';
export { activityClassesCalled, describeWorkflow, isWorkflowClass } from './workflow-definition';
export type {
  ActivityCallDefinition,
  CallDefinition,
  ChildWorkflowCallDefinition,
  LambdaCallDefinition,
  SignalDefinition,
  WorkflowDefinition,
} from './workflow-definition';
