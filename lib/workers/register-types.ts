import {
  DescribeActivityTypeCommand,
  DescribeWorkflowTypeCommand,
  RegisterActivityTypeCommand,
  RegisterDomainCommand,
  RegisterWorkflowTypeCommand,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { TsflowError } from '../errors/tsflow.error';
import type { ActivityTypeDefinition } from '../metadata/activity-definition';
import type { Duration } from '../metadata/options';
import type { WorkflowDefinition } from '../metadata/workflow-definition';
import { faultName } from '../client/swf-call';

/**
 * Defaults tsflow registers when a type gives none, because SWF refuses to
 * start an execution or schedule an activity whose type has no default for a
 * required field (DefaultUndefinedFault) unless every caller passes it.
 */
export const REGISTRATION_DEFAULTS = {
  taskStartToCloseTimeout: 60,
  executionStartToCloseTimeout: 365 * 24 * 3600,
  childPolicy: 'TERMINATE',
  activityScheduleToStartTimeout: 'NONE',
  activityStartToCloseTimeout: 300,
  activityScheduleToCloseTimeout: 'NONE',
  activityHeartbeatTimeout: 'NONE',
} as const;

/** A type this worker would serve is deprecated in SWF: new executions of it cannot start. */
export class TypeDeprecatedError extends TsflowError {}

const text = (value: Duration | number | undefined): string | undefined => (value === undefined ? undefined : String(value));

export async function registerDomain(swf: SWFClient, name: string, retentionDays = 1): Promise<void> {
  await ignoreAlreadyExists(() =>
    swf.send(
      new RegisterDomainCommand({
        name,
        workflowExecutionRetentionPeriodInDays: String(retentionDays),
        description: 'registered by tsflow',
      }),
    ),
  );
}

export async function registerWorkflowType(
  swf: SWFClient,
  domain: string,
  definition: WorkflowDefinition,
  taskList: string,
): Promise<void> {
  const { name, version, options } = definition;
  const created = await ignoreAlreadyExists(() =>
    swf.send(
      new RegisterWorkflowTypeCommand({
        domain,
        name,
        version,
        description: options.description,
        defaultTaskList: { name: options.defaultTaskList ?? taskList },
        defaultTaskStartToCloseTimeout: text(options.defaultTaskStartToCloseTimeout ?? REGISTRATION_DEFAULTS.taskStartToCloseTimeout),
        defaultExecutionStartToCloseTimeout: text(
          options.defaultExecutionStartToCloseTimeout ?? REGISTRATION_DEFAULTS.executionStartToCloseTimeout,
        ),
        defaultChildPolicy: options.defaultChildPolicy ?? REGISTRATION_DEFAULTS.childPolicy,
        defaultLambdaRole: options.defaultLambdaRole,
        defaultTaskPriority: text(options.defaultTaskPriority),
      }),
    ),
  );
  if (created) return;
  const { typeInfo } = await swf.send(new DescribeWorkflowTypeCommand({ domain, workflowType: { name, version } }));
  if (typeInfo?.status === 'DEPRECATED') {
    throw new TypeDeprecatedError(
      `Workflow type '${name}' version '${version}' (${definition.target.name}) is deprecated in domain ${domain}: ` +
        'give the class a new version, or undeprecate the type (UndeprecateWorkflowType).',
    );
  }
}

export async function registerActivityType(
  swf: SWFClient,
  domain: string,
  definition: ActivityTypeDefinition,
  taskList: string,
): Promise<void> {
  const { name, version, defaults } = definition;
  const created = await ignoreAlreadyExists(() =>
    swf.send(
      new RegisterActivityTypeCommand({
        domain,
        name,
        version,
        description: defaults.description,
        defaultTaskList: { name: defaults.taskList ?? taskList },
        defaultTaskScheduleToStartTimeout: text(defaults.scheduleToStartTimeout ?? REGISTRATION_DEFAULTS.activityScheduleToStartTimeout),
        defaultTaskStartToCloseTimeout: text(defaults.startToCloseTimeout ?? REGISTRATION_DEFAULTS.activityStartToCloseTimeout),
        defaultTaskScheduleToCloseTimeout: text(defaults.scheduleToCloseTimeout ?? REGISTRATION_DEFAULTS.activityScheduleToCloseTimeout),
        defaultTaskHeartbeatTimeout: text(defaults.heartbeatTimeout ?? REGISTRATION_DEFAULTS.activityHeartbeatTimeout),
        defaultTaskPriority: text(defaults.taskPriority),
      }),
    ),
  );
  if (created) return;
  const { typeInfo } = await swf.send(new DescribeActivityTypeCommand({ domain, activityType: { name, version } }));
  if (typeInfo?.status === 'DEPRECATED') {
    throw new TypeDeprecatedError(
      `Activity type '${name}' version '${version}' (${definition.target.name}.${definition.method}) is deprecated in domain ${domain}: ` +
        'give it a new version, or undeprecate the type (UndeprecateActivityType).',
    );
  }
}

/** True when the call created the resource, false when it already existed. */
async function ignoreAlreadyExists(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (['TypeAlreadyExistsFault', 'DomainAlreadyExistsFault'].includes(faultName(error))) return false;
    throw error;
  }
}
