import type { ActivityTypeConfiguration, RegistrationStatus, WorkflowTypeConfiguration } from '@aws-sdk/client-swf';

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
