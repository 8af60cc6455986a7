import type {
  ActivitiesOptions,
  ActivityCallOptions,
  ActivityOptions,
  ChildWorkflowOptions,
  LambdaOptions,
  TypeReference,
  WorkflowOptions,
} from './options';

/** Any class; tsflow builds instances through the DI container. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Constructor<T = unknown> = new (...args: any[]) => T;

/** What `@Workflow` writes on the class. */
export interface WorkflowRecord {
  name: string;
  version: string;
  options: WorkflowOptions;
}

/** What `@Lambda`, `@Activity` (on a member) and `@ChildWorkflow` write, one per member. */
export type CallRecord =
  | { kind: 'lambda'; member: string; functionName: string; options: LambdaOptions }
  | {
      kind: 'activity';
      member: string;
      target: Constructor | TypeReference;
      method?: string;
      options: ActivityCallOptions;
    }
  | {
      kind: 'child-workflow';
      member: string;
      target: Constructor | TypeReference;
      options: ChildWorkflowOptions;
    };

/** What `@Activities` writes on an implementation class. */
export type ActivitiesRecord = ActivitiesOptions;

/** What `@Activity` writes for one implementation method. */
export interface ActivityMethodRecord {
  method: string;
  options: ActivityOptions;
}

/** What `@Signal` writes for one handler. */
export interface SignalRecord {
  name: string;
  member: string;
}

/** What `@State` writes: the member whose value is published. */
export interface StateRecord {
  member: string;
  kind: 'getter' | 'method';
}
