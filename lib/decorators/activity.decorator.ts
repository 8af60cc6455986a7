import { ACTIVITY_METHODS_METADATA } from '../metadata/constants';
import type { ActivityCallOptions, ActivityOptions, TypeReference } from '../metadata/options';
import type { ActivityMethodRecord, Constructor } from '../metadata/records';
import type { ActivityCall, ActivityCallOf } from './call.types';
import { checkOptions } from './check-options';
import type { TypedPropertyDecorator } from './child-workflow.decorator';
import { defineCall, memberName } from './define-call';

const ACTIVITY_OPTION_KEYS = [
  'name',
  'version',
  'defaultTaskList',
  'defaultTaskScheduleToStartTimeout',
  'defaultTaskStartToCloseTimeout',
  'defaultTaskScheduleToCloseTimeout',
  'defaultTaskHeartbeatTimeout',
  'defaultTaskPriority',
  'description',
] as const;

const ACTIVITY_CALL_OPTION_KEYS = [
  'taskList',
  'scheduleToStartTimeout',
  'startToCloseTimeout',
  'scheduleToCloseTimeout',
  'heartbeatTimeout',
  'taskPriority',
  'retry',
] as const;

/** Either decorator shape: `@Activity` serves on methods and on workflow members. */
export type ActivityDecorator = (prototype: object, key: string | symbol, descriptor?: PropertyDescriptor) => void;

/**
 * On a method of an `@Activities` class: the method implements an activity type
 * (named `prefix.method` unless `name` is given).
 *
 * On a workflow member: the member schedules that activity. Given the class and
 * method, the compiler checks the member's type against the method.
 *
 * @example
 * ```ts
 * // implementation
 * @Activity({ defaultTaskStartToCloseTimeout: 60 }) async subscribe(input: Email): Promise<void> { … }
 * // call site, in a workflow
 * @Activity(SubscriptionActivities, 'subscribe') subscribe!: ActivityCall<Email, void>;
 * @Activity({ name: 'legacy_activity', version: 'v1' }, { taskList: 'legacy' }) legacy!: ActivityCall<string, string>;
 * ```
 */
export function Activity(options?: ActivityOptions): ActivityDecorator;
export function Activity<A, K extends keyof A & string>(
  activities: Constructor<A>,
  method: K,
  options?: ActivityCallOptions,
): TypedPropertyDecorator<ActivityCallOf<A[K]>>;
export function Activity(activity: TypeReference, options?: ActivityCallOptions): TypedPropertyDecorator<ActivityCall<never, unknown>>;
export function Activity(
  first?: ActivityOptions | TypeReference | Constructor,
  second?: string | ActivityCallOptions,
  third?: ActivityCallOptions,
): ActivityDecorator {
  return (prototype, key, descriptor) => {
    const member = memberName('Activity', prototype, key);
    const where = `${prototype.constructor.name}.${member}`;
    if (typeof first === 'function') {
      if (typeof second !== 'string') {
        throw new TypeError(`@Activity on ${where}: with an activities class, the second argument must be the method's name.`);
      }
      checkOptions('Activity', where, third, ACTIVITY_CALL_OPTION_KEYS);
      defineCall(prototype, { kind: 'activity', member, target: first, method: second, options: { ...third } });
    } else if (descriptor === undefined) {
      // A workflow member (a property) referring to an activity type by name and version.
      if (first === undefined) {
        throw new TypeError(
          `@Activity on ${where}: a workflow member needs the activity: @Activity(Class, 'method') or @Activity({ name, version }).`,
        );
      }
      if (typeof second === 'string') {
        throw new TypeError(`@Activity on ${where}: a method name goes with an activities class, not with { name, version }.`);
      }
      checkOptions('Activity', where, first, ['name', 'version']);
      checkOptions('Activity', where, second, ACTIVITY_CALL_OPTION_KEYS);
      const { name, version } = first as TypeReference;
      defineCall(prototype, { kind: 'activity', member, target: { name, version }, options: { ...second } });
    } else {
      checkOptions('Activity', where, first, ACTIVITY_OPTION_KEYS);
      const ctor = prototype.constructor;
      const own: ActivityMethodRecord[] = Reflect.getOwnMetadata(ACTIVITY_METHODS_METADATA, ctor) ?? [];
      Reflect.defineMetadata(ACTIVITY_METHODS_METADATA, [...own, { method: member, options: { ...first } }], ctor);
    }
  };
}
