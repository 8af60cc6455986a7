import type { LambdaOptions } from '../metadata/options';
import { checkOptions } from './check-options';
import { defineCall, memberName } from './define-call';

/**
 * Declares a workflow member that schedules the Lambda function `functionName`
 * (SWF `ScheduleLambdaFunction`); its declared type is the call's type.
 *
 * @example
 * ```ts
 * @Lambda('string_upcase', { startToCloseTimeout: 30 }) upcase!: LambdaCall<string, string>;
 * ```
 */
export function Lambda(functionName: string, options?: LambdaOptions): PropertyDecorator {
  return (prototype, key) => {
    const member = memberName('Lambda', prototype, key);
    checkOptions('Lambda', `${prototype.constructor.name}.${member}`, options, ['startToCloseTimeout', 'retry']);
    defineCall(prototype, { kind: 'lambda', member, functionName, options: { ...options } });
  };
}
