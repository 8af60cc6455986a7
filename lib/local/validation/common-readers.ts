import type { ActivityType, ChildPolicy, WorkflowType } from '@aws-sdk/client-swf';
import { type InputReader } from './input-reader';
import { LIMITS } from './swf-limits';

export const CHILD_POLICIES: readonly ChildPolicy[] = ['TERMINATE', 'REQUEST_CANCEL', 'ABANDON'];

/** `{ name, version }` of a workflow or activity type. */
export function readType(reader: InputReader, field: string): WorkflowType & ActivityType {
  const type = reader.requiredObject(field);
  return {
    name: type.requiredString('name', { min: 1, max: LIMITS.name }),
    version: type.requiredString('version', { min: 1, max: LIMITS.version }),
  };
}

/** A task list member `{ name }`, returning the name. */
export function readTaskList(reader: InputReader, field: string, required: true): string;
export function readTaskList(reader: InputReader, field: string, required?: false): string | undefined;
export function readTaskList(reader: InputReader, field: string, required = false): string | undefined {
  const taskList = required ? reader.requiredObject(field) : reader.optionalObject(field);
  return taskList?.requiredString('name', { min: 1, max: LIMITS.name, name: true });
}

export function readTagList(reader: InputReader, field = 'tagList'): string[] | undefined {
  return reader.stringList(field, LIMITS.tagsPerExecution, { min: 0, max: LIMITS.tag });
}

export function readPayload(reader: InputReader, field: string): string | undefined {
  return reader.optionalString(field, { max: LIMITS.payload });
}

export function readWorkflowId(reader: InputReader, field = 'workflowId'): string {
  return reader.requiredString(field, { min: 1, max: LIMITS.name, name: true });
}
