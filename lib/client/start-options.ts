import type { ChildPolicy, Duration } from '../metadata/options';

/** Options of one `start`; each overrides the workflow type's registered default. */
export interface StartOptions {
  /** Unique among the domain's open executions; defaults to the type's name and a UUID. */
  workflowId?: string;
  taskList?: string;
  executionStartToCloseTimeout?: number;
  taskStartToCloseTimeout?: Duration;
  childPolicy?: ChildPolicy;
  lambdaRole?: string;
  tagList?: string[];
  taskPriority?: number;
}
