import { describeActivities, type ActivityTypeDefinition } from './activity-definition';
import type { WorkflowInterceptor } from '../interceptors/workflow-interceptor.types';
import { InvalidDefinitionError } from './definition.error';
import { messages } from './messages';
import type { TypeReference } from './options';
import type { Constructor } from './records';
import { callMembers, describeWorkflow, type WorkflowDefinition } from './workflow-definition';

/** The classes a worker serves, as listed by the user (e.g. in `@WorkerModule`). */
export interface RegistrySource {
  workflows?: readonly Constructor[];
  activities?: readonly Constructor[];
  /** Other DI classes; checked only for stray call decorators. */
  providers?: readonly Constructor[];
  /** The module's workflow interceptors: put around every workflow's calls, outside each class's own. */
  workflowInterceptors?: readonly WorkflowInterceptor[];
}

const key = ({ name, version }: TypeReference): string => `${name}\u0000${version}`;

/**
 * The validated workflow and activity types one application serves, looked up
 * by SWF identity. Built once at bootstrap; every definition error surfaces here.
 */
export class TypeRegistry {
  private readonly workflowsByType = new Map<string, WorkflowDefinition>();
  private readonly activitiesByType = new Map<string, ActivityTypeDefinition>();

  constructor(source: RegistrySource) {
    for (const target of source.workflows ?? []) this.addWorkflow(describeWorkflow(target));
    for (const target of source.activities ?? []) {
      for (const activity of describeActivities(target)) this.addActivity(activity);
    }
    const shared = source.workflowInterceptors ?? [];
    if (shared.length > 0) {
      for (const [k, d] of this.workflowsByType)
        this.workflowsByType.set(k, { ...d, interceptors: [...shared, ...(d.interceptors ?? [])] });
    }
    for (const target of source.providers ?? []) {
      const members = callMembers(target);
      if (members.length > 0 && !this.workflows.some((w) => w.target === target)) {
        throw new InvalidDefinitionError(messages.callsOnNonWorkflow(target.name, members));
      }
    }
  }

  get workflows(): WorkflowDefinition[] {
    return [...this.workflowsByType.values()];
  }

  get activities(): ActivityTypeDefinition[] {
    return [...this.activitiesByType.values()];
  }

  findWorkflow(type: TypeReference): WorkflowDefinition | undefined {
    return this.workflowsByType.get(key(type));
  }

  findActivity(type: TypeReference): ActivityTypeDefinition | undefined {
    return this.activitiesByType.get(key(type));
  }

  /** The task lists the activity worker polls: each type's default task list. */
  activityTaskLists(fallback: string): string[] {
    return [...new Set(this.activities.map((a) => a.defaults.taskList ?? fallback))];
  }

  private addWorkflow(definition: WorkflowDefinition): void {
    const existing = this.workflowsByType.get(key(definition));
    if (existing === definition) return;
    if (existing) {
      throw new InvalidDefinitionError(
        messages.duplicateWorkflow(definition.name, definition.version, existing.target.name, definition.target.name),
      );
    }
    this.workflowsByType.set(key(definition), definition);
  }

  private addActivity(definition: ActivityTypeDefinition): void {
    const existing = this.activitiesByType.get(key(definition));
    if (existing === definition) return;
    if (existing) {
      throw new InvalidDefinitionError(
        messages.duplicateActivity(
          definition.name,
          definition.version,
          `${existing.target.name}.${existing.method}`,
          `${definition.target.name}.${definition.method}`,
        ),
      );
    }
    this.activitiesByType.set(key(definition), definition);
  }
}
