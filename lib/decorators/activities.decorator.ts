import { injectable } from 'tsyringe';
import { ACTIVITIES_METADATA } from '../metadata/constants';
import type { ActivitiesOptions } from '../metadata/options';
import type { Constructor } from '../metadata/records';
import { checkOptions } from './check-options';

const ACTIVITIES_OPTION_KEYS = [
  'version',
  'prefix',
  'defaultTaskList',
  'defaultTaskScheduleToStartTimeout',
  'defaultTaskStartToCloseTimeout',
  'defaultTaskScheduleToCloseTimeout',
  'defaultTaskHeartbeatTimeout',
  'defaultTaskPriority',
] as const;

/**
 * Marks a DI-managed class whose `@Activity()` methods implement activity types.
 *
 * @example
 * ```ts
 * @Activities({ version: '1.0', defaultTaskList: 'subscriptions' })
 * export class SubscriptionActivities {
 *   constructor(private readonly mailer: Mailer) {}
 *   @Activity({ defaultTaskStartToCloseTimeout: 60 })
 *   async subscribe(input: Email): Promise<void> { await this.mailer.send(input.email); }
 * }
 * ```
 */
export function Activities(options: ActivitiesOptions): ClassDecorator {
  return (target) => {
    checkOptions('Activities', target.name, options, ACTIVITIES_OPTION_KEYS);
    Reflect.defineMetadata(ACTIVITIES_METADATA, { ...options }, target);
    injectable()(target as unknown as Constructor);
  };
}
