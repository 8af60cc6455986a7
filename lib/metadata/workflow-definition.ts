import { describeActivities, dropUndefined } from './activity-definition';
import { workflowInterceptorsOf } from './interceptor-metadata';
import { WORKFLOW_CALLS_METADATA, WORKFLOW_METADATA, WORKFLOW_SIGNALS_METADATA, WORKFLOW_STATE_METADATA } from './constants';
import { retryProblem } from './retry-policy';
import { InvalidDefinitionError } from './definition.error';
import { checkInjectable } from './injectable-check';
import { messages } from './messages';
import type { ActivityCallOptions, ChildWorkflowOptions, LambdaOptions, TypeReference, WorkflowOptions } from './options';
import type { CallRecord, Constructor, SignalRecord, StateRecord, WorkflowRecord } from './records';
import type { WorkflowInterceptor } from '../interceptors/workflow-interceptor.types';
import {
  MAX_VERSION_LENGTH,
  childPolicyProblem,
  descriptionProblem,
  durationProblem,
  executionTimeoutProblem,
  lambdaTimeoutProblem,
  nameProblem,
  priorityProblem,
  roleProblem,
} from '../swf';

/** A workflow type as the engine and the workers use it: validated, references resolved. */
export interface WorkflowDefinition {
  readonly target: Constructor;
  readonly name: string;
  readonly version: string;
  readonly options: WorkflowOptions;
  /** One entry per decorated member, in declaration order. */
  readonly calls: readonly CallDefinition[];
  /** `@Signal` handlers, by signal name. */
  readonly signals: readonly SignalDefinition[];
  /** The `@State` member, if any. */
  readonly state?: StateRecord;
  /** Wrapped around each call, first one outermost: the module's, then the class's own (`@UseInterceptors`). */
  readonly interceptors?: readonly WorkflowInterceptor[];
}

/** One `@Signal` handler: the SWF signal name, the method, and its parameter's class (a DTO to validate, when it is one). */
export interface SignalDefinition {
  readonly name: string;
  readonly member: string;
  readonly inputType?: Constructor;
}

export type CallDefinition = LambdaCallDefinition | ActivityCallDefinition | ChildWorkflowCallDefinition;

export interface LambdaCallDefinition {
  readonly kind: 'lambda';
  readonly member: string;
  readonly functionName: string;
  readonly options: LambdaOptions;
}

export interface ActivityCallDefinition {
  readonly kind: 'activity';
  readonly member: string;
  readonly activityType: TypeReference;
  /** Call-site options; `taskList` falls back to the implementation's default task list. */
  readonly options: ActivityCallOptions;
}

export interface ChildWorkflowCallDefinition {
  readonly kind: 'child-workflow';
  readonly member: string;
  readonly workflowType: TypeReference;
  readonly options: ChildWorkflowOptions;
}

const cache = new WeakMap<Constructor, WorkflowDefinition>();

export function isWorkflowClass(target: Constructor): boolean {
  return Reflect.hasOwnMetadata(WORKFLOW_METADATA, target);
}

/** Call records a class carries, for finding `@Lambda` and friends on classes that are not workflows. */
export function callMembers(target: Constructor): string[] {
  return ((Reflect.getMetadata(WORKFLOW_CALLS_METADATA, target) as CallRecord[] | undefined) ?? []).map((c) => c.member);
}

/** The activity classes a workflow calls by class (not by type reference), with the member that calls each. */
export function activityClassesCalled(target: Constructor): Array<{ member: string; activities: Constructor }> {
  const calls = (Reflect.getMetadata(WORKFLOW_CALLS_METADATA, target) as CallRecord[] | undefined) ?? [];
  return calls.flatMap((call) =>
    call.kind === 'activity' && typeof call.target === 'function' ? [{ member: call.member, activities: call.target }] : [],
  );
}

/** Reads and validates one `@Workflow` class; the result is cached per class. */
export function describeWorkflow(target: Constructor): WorkflowDefinition {
  const cached = cache.get(target);
  if (cached) return cached;
  if (typeof target !== 'function') throw new InvalidDefinitionError(`Expected a @Workflow class, got ${String(target)}.`);
  const record = Reflect.getOwnMetadata(WORKFLOW_METADATA, target) as WorkflowRecord | undefined;
  if (!record) {
    const members = callMembers(target);
    throw new InvalidDefinitionError(
      members.length > 0 ? messages.callsOnNonWorkflow(target.name, members) : messages.notAWorkflow(target.name),
    );
  }
  if (typeof (target.prototype as { run?: unknown }).run !== 'function') throw new InvalidDefinitionError(messages.noRun(target.name));
  checkWorkflowRecord(target, record);
  checkInjectable(target);
  const records = (Reflect.getMetadata(WORKFLOW_CALLS_METADATA, target) as CallRecord[] | undefined) ?? [];
  const seen = new Set<string>();
  for (const call of records) {
    if (seen.has(call.member)) {
      throw new InvalidDefinitionError(
        `${target.name}.${call.member} carries more than one call decorator; give each call its own member.`,
      );
    }
    seen.add(call.member);
  }
  const definition: WorkflowDefinition = {
    target,
    name: record.name,
    version: record.version,
    options: record.options,
    calls: records.map((call) => resolveCall(target, call)),
    signals: resolveSignals(target),
    ...(Reflect.getMetadata(WORKFLOW_STATE_METADATA, target)
      ? { state: Reflect.getMetadata(WORKFLOW_STATE_METADATA, target) as StateRecord }
      : {}),
    interceptors: workflowInterceptorsOf(target),
  };
  cache.set(target, definition);
  return definition;
}

function checkWorkflowRecord(target: Constructor, { name, version, options }: WorkflowRecord): void {
  const problems = [
    nameProblem('the workflow type name', name),
    nameProblem('the version', version, MAX_VERSION_LENGTH),
    options.defaultTaskList === undefined ? undefined : nameProblem('defaultTaskList', options.defaultTaskList),
    durationProblem('defaultTaskStartToCloseTimeout', options.defaultTaskStartToCloseTimeout),
    executionTimeoutProblem('defaultExecutionStartToCloseTimeout', options.defaultExecutionStartToCloseTimeout),
    childPolicyProblem('defaultChildPolicy', options.defaultChildPolicy),
    roleProblem('defaultLambdaRole', options.defaultLambdaRole),
    priorityProblem('defaultTaskPriority', options.defaultTaskPriority),
    descriptionProblem('description', options.description),
    options.continueAsNewSuggestedAt !== undefined &&
    (!Number.isInteger(options.continueAsNewSuggestedAt) ||
      options.continueAsNewSuggestedAt < 1 ||
      options.continueAsNewSuggestedAt > 25_000)
      ? `continueAsNewSuggestedAt must be a whole number of events from 1 to 25000, got ${String(options.continueAsNewSuggestedAt)}`
      : undefined,
  ].filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw new InvalidDefinitionError(messages.invalid(`@Workflow ${target.name}`, problems.join('; ')));
}

function resolveCall(target: Constructor, call: CallRecord): CallDefinition {
  const where = `${target.name}.${call.member}`;
  const fail = (problems: (string | undefined)[], decorator: string): void => {
    const found = problems.filter((p): p is string => p !== undefined);
    if (found.length > 0) throw new InvalidDefinitionError(messages.invalid(`@${decorator} ${where}`, found.join('; ')));
  };
  switch (call.kind) {
    case 'lambda':
      fail(
        [
          nameProblem('the Lambda function name', call.functionName, 64),
          lambdaTimeoutProblem('startToCloseTimeout', call.options.startToCloseTimeout),
          retryProblem('retry', call.options.retry),
        ],
        'Lambda',
      );
      return call;
    case 'activity': {
      const { activityType, taskList } = resolveActivity(where, call.target, call.method);
      const options = dropUndefined({ ...call.options, taskList: call.options.taskList ?? taskList });
      fail(
        [
          nameProblem('the activity type name', activityType.name),
          nameProblem('the activity version', activityType.version, MAX_VERSION_LENGTH),
          options.taskList === undefined ? undefined : nameProblem('taskList', options.taskList),
          durationProblem('scheduleToStartTimeout', options.scheduleToStartTimeout),
          durationProblem('startToCloseTimeout', options.startToCloseTimeout),
          durationProblem('scheduleToCloseTimeout', options.scheduleToCloseTimeout),
          durationProblem('heartbeatTimeout', options.heartbeatTimeout),
          priorityProblem('taskPriority', options.taskPriority),
          retryProblem('retry', options.retry),
        ],
        'Activity',
      );
      return { kind: 'activity', member: call.member, activityType, options };
    }
    case 'child-workflow': {
      const workflowType = resolveWorkflowType(where, call.target);
      const { options } = call;
      fail(
        [
          nameProblem('the child workflow type name', workflowType.name),
          nameProblem('the child workflow version', workflowType.version, MAX_VERSION_LENGTH),
          options.taskList === undefined ? undefined : nameProblem('taskList', options.taskList),
          executionTimeoutProblem('executionStartToCloseTimeout', options.executionStartToCloseTimeout),
          durationProblem('taskStartToCloseTimeout', options.taskStartToCloseTimeout),
          childPolicyProblem('childPolicy', options.childPolicy),
          roleProblem('lambdaRole', options.lambdaRole),
          priorityProblem('taskPriority', options.taskPriority),
          options.tagList !== undefined && (!Array.isArray(options.tagList) || options.tagList.length > 5)
            ? 'tagList must be an array of at most 5 tags'
            : undefined,
          ...(options.tagList ?? []).map((tag, i) => nameProblem(`tagList[${i}]`, tag)),
          retryProblem('retry', options.retry),
        ],
        'ChildWorkflow',
      );
      return { kind: 'child-workflow', member: call.member, workflowType, options };
    }
  }
}

function resolveSignals(target: Constructor): SignalDefinition[] {
  const records = (Reflect.getMetadata(WORKFLOW_SIGNALS_METADATA, target) as SignalRecord[] | undefined) ?? [];
  const byName = new Map<string, string>();
  return records.map(({ name, member }) => {
    const where = `@Signal ${target.name}.${member}`;
    const problem = nameProblem('the signal name', name);
    if (problem) throw new InvalidDefinitionError(messages.invalid(where, problem));
    const other = byName.get(name);
    if (other)
      throw new InvalidDefinitionError(`${where}: signal '${name}' is already handled by ${target.name}.${other}; one handler per signal.`);
    byName.set(name, member);
    const [inputType] = (Reflect.getMetadata('design:paramtypes', target.prototype, member) as Constructor[] | undefined) ?? [];
    return { name, member, ...(inputType ? { inputType } : {}) };
  });
}

function resolveActivity(
  where: string,
  ref: Constructor | TypeReference,
  method: string | undefined,
): { activityType: TypeReference; taskList?: string } {
  if (typeof ref !== 'function') return { activityType: { name: ref.name, version: ref.version } };
  const implementation = describeActivities(ref).find((a) => a.method === method);
  if (!implementation) throw new InvalidDefinitionError(messages.activityMethodMissing(`@Activity ${where}`, ref.name, String(method)));
  return { activityType: { name: implementation.name, version: implementation.version }, taskList: implementation.defaults.taskList };
}

function resolveWorkflowType(where: string, ref: Constructor | TypeReference): TypeReference {
  if (typeof ref !== 'function') return { name: ref.name, version: ref.version };
  const record = Reflect.getOwnMetadata(WORKFLOW_METADATA, ref) as WorkflowRecord | undefined;
  if (!record) throw new InvalidDefinitionError(`@ChildWorkflow ${where} refers to ${ref.name}, which is not a @Workflow class.`);
  return { name: record.name, version: record.version };
}
