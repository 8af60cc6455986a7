import { injectable } from 'tsyringe';
import { WORKFLOW_METADATA } from '../metadata/constants';
import type { WorkflowOptions } from '../metadata/options';
import type { Constructor, WorkflowRecord } from '../metadata/records';
import { checkOptions } from './check-options';

const WORKFLOW_OPTION_KEYS = [
  'defaultTaskList',
  'defaultTaskStartToCloseTimeout',
  'defaultExecutionStartToCloseTimeout',
  'defaultChildPolicy',
  'defaultLambdaRole',
  'defaultTaskPriority',
  'description',
  'continueAsNewSuggestedAt',
] as const;

/**
 * Marks a class as an SWF workflow type. The class needs an `async run(input)`;
 * its constructor parameters are injected by type (the `WorkflowContext` among them).
 *
 * @example
 * ```ts
 * @Workflow('StringTransformer', '1.0', { defaultLambdaRole: ROLE })
 * export class StringTransformer {
 *   @Lambda('string_upcase') upcase!: LambdaCall<string, string>;
 *   async run(words: string[]): Promise<string[]> { return Promise.all(words.map((w) => this.upcase(w))); }
 * }
 * ```
 */
export function Workflow(name: string, version: string, options?: WorkflowOptions): ClassDecorator {
  return (target) => {
    checkOptions('Workflow', target.name, options, WORKFLOW_OPTION_KEYS);
    const record: WorkflowRecord = { name, version, options: { ...options } };
    Reflect.defineMetadata(WORKFLOW_METADATA, record, target);
    // Records constructor parameter types for tsyringe; registers nothing globally.
    injectable()(target as unknown as Constructor);
  };
}
