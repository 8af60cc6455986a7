import type { ActivityTypeConfiguration, WorkflowTypeConfiguration } from '@aws-sdk/client-swf';
import type { DomainRecord } from '../model/domain-record';
import { type TypeRecord, typeKey } from '../model/type-record';
import { compareCodePoints } from '../service/code-point-order';
import { pageOf } from '../service/paging';
import type { ServiceContext } from '../service/service-context';
import { SwfFault } from '../swf-fault';
import { CHILD_POLICIES, readTaskList, readType } from '../validation/common-readers';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';
import { REGISTRATION_STATUSES } from '../domains/domain-actions';

/** Workflow and activity types share every action but their field names and defaults. */
interface TypeKind<C> {
  label: 'WorkflowType' | 'ActivityType';
  member: 'workflowType' | 'activityType';
  map(domain: DomainRecord): Map<string, TypeRecord<C>>;
  readDefaults(r: InputReader): C;
}

const WORKFLOW: TypeKind<WorkflowTypeConfiguration> = {
  label: 'WorkflowType',
  member: 'workflowType',
  map: (d) => d.workflowTypes,
  readDefaults: (r) => {
    const timeout = r.optionalDuration('defaultExecutionStartToCloseTimeout', false);
    if (timeout !== undefined && Number(timeout) > LIMITS.maxExecutionSeconds) {
      r.fail('defaultExecutionStartToCloseTimeout', `Member must be at most ${LIMITS.maxExecutionSeconds} seconds (one year)`);
    }
    const taskList = readTaskList(r, 'defaultTaskList');
    return {
      defaultTaskStartToCloseTimeout: r.optionalDuration('defaultTaskStartToCloseTimeout'),
      defaultExecutionStartToCloseTimeout: timeout,
      defaultTaskList: taskList === undefined ? undefined : { name: taskList },
      defaultTaskPriority: r.optionalPriority('defaultTaskPriority'),
      defaultChildPolicy: r.optionalEnum('defaultChildPolicy', CHILD_POLICIES),
      defaultLambdaRole: r.optionalString('defaultLambdaRole', { min: 1, max: LIMITS.lambdaRole }),
    };
  },
};

const ACTIVITY: TypeKind<ActivityTypeConfiguration> = {
  label: 'ActivityType',
  member: 'activityType',
  map: (d) => d.activityTypes,
  readDefaults: (r) => {
    const taskList = readTaskList(r, 'defaultTaskList');
    return {
      defaultTaskStartToCloseTimeout: r.optionalDuration('defaultTaskStartToCloseTimeout'),
      defaultTaskHeartbeatTimeout: r.optionalDuration('defaultTaskHeartbeatTimeout'),
      defaultTaskList: taskList === undefined ? undefined : { name: taskList },
      defaultTaskPriority: r.optionalPriority('defaultTaskPriority'),
      defaultTaskScheduleToStartTimeout: r.optionalDuration('defaultTaskScheduleToStartTimeout'),
      defaultTaskScheduleToCloseTimeout: r.optionalDuration('defaultTaskScheduleToCloseTimeout'),
    };
  },
};

function describeType(kind: TypeKind<unknown>, name: string, version: string): string {
  return `${kind.label}=[name=${name}, version=${version}]`;
}

function register<C>(kind: TypeKind<C>) {
  return (ctx: ServiceContext, input: unknown): void => {
    const r = InputReader.of(input, `Register${kind.label}`);
    const domainName = r.requiredString('domain', { min: 1, max: LIMITS.name });
    const name = r.requiredString('name', { min: 1, max: LIMITS.name, name: true });
    const version = r.requiredString('version', { min: 1, max: LIMITS.version, name: true });
    const description = r.optionalString('description', { max: LIMITS.description });
    const configuration = kind.readDefaults(r);
    const domain = ctx.activeDomain(domainName);
    const types = kind.map(domain);
    if (types.has(typeKey(name, version))) throw SwfFault.typeAlreadyExists(describeType(kind, name, version));
    if (types.size >= LIMITS.typesPerDomain) {
      throw SwfFault.limitExceeded(`Domain ${domainName} already has ${LIMITS.typesPerDomain} ${kind.label}s, the limit`);
    }
    types.set(typeKey(name, version), {
      name,
      version,
      description,
      status: 'REGISTERED',
      creationDate: ctx.nowSeconds(),
      configuration,
    });
    ctx.journal.domainChanged(domain);
  };
}

/** The type a request names, or UnknownResourceFault. */
function lookup<C>(kind: TypeKind<C>, ctx: ServiceContext, input: unknown, action: string) {
  const r = InputReader.of(input, action);
  const domainName = r.requiredString('domain', { min: 1, max: LIMITS.name });
  const { name, version } = readType(r, kind.member);
  const domain = ctx.domain(domainName);
  const types = kind.map(domain);
  const type = types.get(typeKey(name!, version!));
  if (!type) throw SwfFault.unknownResource(`Unknown type: ${describeType(kind, name!, version!)}`);
  return { domain, types, type };
}

function info(kind: TypeKind<unknown>, type: TypeRecord<unknown>) {
  return {
    [kind.member]: { name: type.name, version: type.version },
    status: type.status,
    description: type.description,
    creationDate: type.creationDate,
    deprecationDate: type.deprecationDate,
  };
}

function deprecate<C>(kind: TypeKind<C>) {
  return (ctx: ServiceContext, input: unknown): void => {
    const { domain, type } = lookup(kind, ctx, input, `Deprecate${kind.label}`);
    if (type.status === 'DEPRECATED') {
      throw SwfFault.typeDeprecated(`Type already deprecated: ${describeType(kind, type.name, type.version)}`);
    }
    type.status = 'DEPRECATED';
    type.deprecationDate = ctx.nowSeconds();
    ctx.journal.domainChanged(domain);
  };
}

function undeprecate<C>(kind: TypeKind<C>) {
  return (ctx: ServiceContext, input: unknown): void => {
    const { domain, type } = lookup(kind, ctx, input, `Undeprecate${kind.label}`);
    if (type.status === 'REGISTERED') {
      throw SwfFault.typeAlreadyExists(`Type is not deprecated: ${describeType(kind, type.name, type.version)}`);
    }
    type.status = 'REGISTERED';
    type.deprecationDate = undefined;
    ctx.journal.domainChanged(domain);
  };
}

function remove<C>(kind: TypeKind<C>) {
  return (ctx: ServiceContext, input: unknown): void => {
    const { domain, types, type } = lookup(kind, ctx, input, `Delete${kind.label}`);
    if (type.status !== 'DEPRECATED') {
      throw SwfFault.typeNotDeprecated(
        `Only a deprecated type can be deleted: ${describeType(kind, type.name, type.version)}; deprecate it first`,
      );
    }
    types.delete(typeKey(type.name, type.version));
    ctx.journal.domainChanged(domain);
  };
}

function describe<C>(kind: TypeKind<C>) {
  return (ctx: ServiceContext, input: unknown) => {
    const { type } = lookup(kind, ctx, input, `Describe${kind.label}`);
    return { typeInfo: info(kind, type), configuration: type.configuration };
  };
}

function list<C>(kind: TypeKind<C>) {
  return (ctx: ServiceContext, input: unknown) => {
    const r = InputReader.of(input, `List${kind.label}s`);
    const domain = ctx.domain(r.requiredString('domain', { min: 1, max: LIMITS.name }));
    const name = r.optionalString('name', { min: 1, max: LIMITS.name });
    const status = r.requiredEnum('registrationStatus', REGISTRATION_STATUSES);
    const maximumPageSize = r.optionalInteger('maximumPageSize', 0, LIMITS.pageSize);
    const nextPageToken = r.optionalString('nextPageToken', { max: LIMITS.pageToken });
    const reverse = r.optionalBoolean('reverseOrder') ?? false;
    const matching = [...kind.map(domain).values()]
      .filter((t) => t.status === status && (name === undefined || t.name === name))
      .sort((a, b) => compareCodePoints(a.name, b.name) || compareCodePoints(a.version, b.version));
    if (reverse) matching.reverse();
    const query = JSON.stringify([kind.label, domain.name, name, status, reverse]);
    const page = pageOf(ctx.pageTokens, matching, { query, maximumPageSize, nextPageToken });
    return { typeInfos: page.items.map((t) => info(kind, t)), nextPageToken: page.nextPageToken };
  };
}

export const typeActions = {
  RegisterWorkflowType: register(WORKFLOW),
  DeprecateWorkflowType: deprecate(WORKFLOW),
  UndeprecateWorkflowType: undeprecate(WORKFLOW),
  DeleteWorkflowType: remove(WORKFLOW),
  DescribeWorkflowType: describe(WORKFLOW),
  ListWorkflowTypes: list(WORKFLOW),
  RegisterActivityType: register(ACTIVITY),
  DeprecateActivityType: deprecate(ACTIVITY),
  UndeprecateActivityType: undeprecate(ACTIVITY),
  DeleteActivityType: remove(ACTIVITY),
  DescribeActivityType: describe(ACTIVITY),
  ListActivityTypes: list(ACTIVITY),
};
