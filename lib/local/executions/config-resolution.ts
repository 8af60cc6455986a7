import type { ChildPolicy } from '@aws-sdk/client-swf';
import type { WorkflowTypeRecord } from '../model/type-record';
import type { ExecutionConfig } from '../model/execution-record';

/** What a start request (API, child or continue-as-new) may set over the type's defaults. */
export interface ConfigOverrides {
  taskList?: string;
  taskPriority?: string;
  taskStartToCloseTimeout?: string;
  executionStartToCloseTimeout?: string;
  childPolicy?: ChildPolicy;
  lambdaRole?: string;
}

/** The overrides a StartChildWorkflowExecution or ContinueAsNewWorkflowExecution decision carries. */
export function decisionOverrides(a: Omit<ConfigOverrides, 'taskList'> & { taskList?: { name?: string } }): ConfigOverrides {
  return {
    taskList: a.taskList?.name,
    taskPriority: a.taskPriority,
    taskStartToCloseTimeout: a.taskStartToCloseTimeout,
    executionStartToCloseTimeout: a.executionStartToCloseTimeout,
    childPolicy: a.childPolicy,
    lambdaRole: a.lambdaRole,
  };
}

export type MissingDefault =
  | 'DEFAULT_TASK_LIST_UNDEFINED'
  | 'DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED'
  | 'DEFAULT_TASK_START_TO_CLOSE_TIMEOUT_UNDEFINED'
  | 'DEFAULT_CHILD_POLICY_UNDEFINED';

export type Resolution = { config: ExecutionConfig; missing?: undefined } | { missing: MissingDefault; field: string };

/** Applies the workflow type's registration defaults; reports the first setting neither side gives. */
export function resolveExecutionConfig(type: WorkflowTypeRecord, overrides: ConfigOverrides): Resolution {
  const defaults = type.configuration;
  const taskList = overrides.taskList ?? defaults.defaultTaskList?.name;
  if (!taskList) return { missing: 'DEFAULT_TASK_LIST_UNDEFINED', field: 'taskList' };
  const executionStartToCloseTimeout = overrides.executionStartToCloseTimeout ?? defaults.defaultExecutionStartToCloseTimeout;
  if (!executionStartToCloseTimeout) {
    return { missing: 'DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED', field: 'executionStartToCloseTimeout' };
  }
  const taskStartToCloseTimeout = overrides.taskStartToCloseTimeout ?? defaults.defaultTaskStartToCloseTimeout;
  if (!taskStartToCloseTimeout) {
    return { missing: 'DEFAULT_TASK_START_TO_CLOSE_TIMEOUT_UNDEFINED', field: 'taskStartToCloseTimeout' };
  }
  const childPolicy = overrides.childPolicy ?? defaults.defaultChildPolicy;
  if (!childPolicy) return { missing: 'DEFAULT_CHILD_POLICY_UNDEFINED', field: 'childPolicy' };
  return {
    config: {
      taskList,
      taskPriority: overrides.taskPriority ?? defaults.defaultTaskPriority,
      executionStartToCloseTimeout,
      taskStartToCloseTimeout,
      childPolicy,
      lambdaRole: overrides.lambdaRole ?? defaults.defaultLambdaRole,
    },
  };
}
