import type { ActivityTypeConfiguration, RegistrationStatus, WorkflowTypeConfiguration } from '@aws-sdk/client-swf';
import type { ExecutionRecord } from './execution-record';

/** A registered workflow or activity type, with its registration defaults. */
export interface TypeRecord<C> {
  name: string;
  version: string;
  description?: string;
  status: RegistrationStatus;
  creationDate: number;
  deprecationDate?: number;
  configuration: C;
}

export type WorkflowTypeRecord = TypeRecord<WorkflowTypeConfiguration>;
export type ActivityTypeRecord = TypeRecord<ActivityTypeConfiguration>;

export function typeKey(name: string, version: string): string {
  return `${name}\u0000${version}`;
}

/** A domain and everything that lives in it: types, executions, resource tags. */
export class DomainRecord {
  status: RegistrationStatus = 'REGISTERED';
  readonly tags = new Map<string, string>();
  readonly workflowTypes = new Map<string, WorkflowTypeRecord>();
  readonly activityTypes = new Map<string, ActivityTypeRecord>();
  /** Every execution ever started here, by run id. */
  readonly executions = new Map<string, ExecutionRecord>();
  /** The open execution of each workflow id (SWF allows one). */
  readonly openByWorkflowId = new Map<string, ExecutionRecord>();

  constructor(
    readonly name: string,
    readonly description: string | undefined,
    readonly retentionDays: string,
    readonly arn: string,
  ) {}
}
