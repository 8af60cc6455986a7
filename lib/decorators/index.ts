export { Activities } from './activities.decorator';
export { Activity } from './activity.decorator';
export type { ActivityDecorator } from './activity.decorator';
export { ChildWorkflow } from './child-workflow.decorator';
export type { TypedPropertyDecorator } from './child-workflow.decorator';
export { Lambda } from './lambda.decorator';
export { Signal } from './signal.decorator';
export { State } from './state.decorator';
export { Workflow } from './workflow.decorator';
export type {
  ActivityCall,
  ActivityCallOf,
  CancellableCall,
  ChildWorkflowCall,
  ChildWorkflowCallOf,
  ChildWorkflowCallOptions,
  InputOf,
  LambdaCall,
  OutputOf,
} from './call.types';
export { UseInterceptors } from './use-interceptors.decorator';
export { WorkerModule } from './worker-module.decorator';
export type { Provider, WorkerModuleOptions } from './worker-module.decorator';
