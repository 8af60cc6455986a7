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
  TypeReference,
  WorkflowOptions,
} from './options';
export type { InterceptorItem } from './interceptor-metadata';
export type { Constructor } from './records';
export { TypeRegistry } from './type-registry';
export type { RegistrySource } from './type-registry';
export { describeWorkflow, isWorkflowClass } from './workflow-definition';
export type {
  ActivityCallDefinition,
  CallDefinition,
  ChildWorkflowCallDefinition,
  LambdaCallDefinition,
  WorkflowDefinition,
} from './workflow-definition';
