import { ACTIVITIES_METADATA, ACTIVITY_METHODS_METADATA, WORKFLOW_CALLS_METADATA, WORKFLOW_METADATA } from './constants';
import { InvalidDefinitionError } from './definition.error';
import { checkInjectable } from './injectable-check';
import { messages } from './messages';
import type { ActivitiesOptions, ActivityOptions, Duration } from './options';
import type { ActivityMethodRecord, CallRecord, Constructor } from './records';
import { MAX_VERSION_LENGTH, descriptionProblem, durationProblem, nameProblem, priorityProblem } from '../swf';

/** One activity type: its SWF identity, its registration defaults, and the method that implements it. */
export interface ActivityTypeDefinition {
  readonly target: Constructor;
  readonly method: string;
  readonly name: string;
  readonly version: string;
  readonly defaults: ActivityDefaults;
}

/** Registration defaults (`RegisterActivityType`), after class and method options are merged. */
export interface ActivityDefaults {
  readonly taskList?: string;
  readonly scheduleToStartTimeout?: Duration;
  readonly startToCloseTimeout?: Duration;
  readonly scheduleToCloseTimeout?: Duration;
  readonly heartbeatTimeout?: Duration;
  readonly taskPriority?: number;
  readonly description?: string;
}

const cache = new WeakMap<Constructor, readonly ActivityTypeDefinition[]>();

export function isActivitiesClass(target: Constructor): boolean {
  return Reflect.hasOwnMetadata(ACTIVITIES_METADATA, target);
}

/** Reads and validates the activity types one `@Activities` class implements. */
export function describeActivities(target: Constructor): readonly ActivityTypeDefinition[] {
  const cached = cache.get(target);
  if (cached) return cached;
  const classOptions = Reflect.getOwnMetadata(ACTIVITIES_METADATA, target) as ActivitiesOptions | undefined;
  const methods = (Reflect.getOwnMetadata(ACTIVITY_METHODS_METADATA, target) as ActivityMethodRecord[] | undefined) ?? [];
  if (!classOptions) {
    if (methods.length > 0)
      throw new InvalidDefinitionError(
        messages.activityMethodsOnNonActivities(
          target.name,
          methods.map((m) => m.method),
        ),
      );
    throw new InvalidDefinitionError(messages.notActivities(target.name));
  }
  if (Reflect.hasOwnMetadata(WORKFLOW_METADATA, target)) {
    throw new InvalidDefinitionError(`${target.name} is decorated both @Workflow and @Activities; a class is one or the other.`);
  }
  const calls = (Reflect.getOwnMetadata(WORKFLOW_CALLS_METADATA, target) as CallRecord[] | undefined) ?? [];
  if (calls.length > 0)
    throw new InvalidDefinitionError(
      messages.callsOnNonWorkflow(
        target.name,
        calls.map((c) => c.member),
      ),
    );
  if (methods.length === 0) throw new InvalidDefinitionError(messages.noActivities(target.name));
  checkInjectable(target);
  const definitions = methods.map((record) => defineActivity(target, classOptions, record));
  cache.set(target, definitions);
  return definitions;
}

function defineActivity(target: Constructor, cls: ActivitiesOptions, { method, options }: ActivityMethodRecord): ActivityTypeDefinition {
  const where = `@Activity ${target.name}.${method}`;
  if (typeof (target.prototype as Record<string, unknown>)[method] !== 'function') {
    throw new InvalidDefinitionError(messages.invalid(where, 'an activity must be a method'));
  }
  const name = options.name ?? `${cls.prefix ?? target.name}.${method}`;
  const version = options.version ?? cls.version;
  const defaults = mergeDefaults(cls, options);
  const problems = [
    nameProblem('the activity type name', name),
    nameProblem(options.version === undefined ? '@Activities version' : 'the version', version, MAX_VERSION_LENGTH),
    defaults.taskList === undefined ? undefined : nameProblem('defaultTaskList', defaults.taskList),
    durationProblem('defaultTaskScheduleToStartTimeout', defaults.scheduleToStartTimeout),
    durationProblem('defaultTaskStartToCloseTimeout', defaults.startToCloseTimeout),
    durationProblem('defaultTaskScheduleToCloseTimeout', defaults.scheduleToCloseTimeout),
    durationProblem('defaultTaskHeartbeatTimeout', defaults.heartbeatTimeout),
    priorityProblem('defaultTaskPriority', defaults.taskPriority),
    descriptionProblem('description', defaults.description),
  ].filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw new InvalidDefinitionError(messages.invalid(where, problems.join('; ')));
  return { target, method, name, version, defaults };
}

function mergeDefaults(cls: ActivitiesOptions, method: ActivityOptions): ActivityDefaults {
  return dropUndefined({
    taskList: method.defaultTaskList ?? cls.defaultTaskList,
    scheduleToStartTimeout: method.defaultTaskScheduleToStartTimeout ?? cls.defaultTaskScheduleToStartTimeout,
    startToCloseTimeout: method.defaultTaskStartToCloseTimeout ?? cls.defaultTaskStartToCloseTimeout,
    scheduleToCloseTimeout: method.defaultTaskScheduleToCloseTimeout ?? cls.defaultTaskScheduleToCloseTimeout,
    heartbeatTimeout: method.defaultTaskHeartbeatTimeout ?? cls.defaultTaskHeartbeatTimeout,
    taskPriority: method.defaultTaskPriority ?? cls.defaultTaskPriority,
    description: method.description,
  });
}

export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
