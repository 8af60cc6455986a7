import type { RegistrationStatus } from '@aws-sdk/client-swf';
import type { ExecutionDomain, ExecutionRecord } from './execution-record';
import type { ActivityTypeRecord, WorkflowTypeRecord } from './type-record';

/** A domain and everything that lives in it: types, executions, resource tags. */
export class DomainRecord implements ExecutionDomain {
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
