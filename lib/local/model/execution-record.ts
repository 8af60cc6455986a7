import type { ChildPolicy, CloseStatus, EventType, ExecutionStatus, WorkflowExecution, WorkflowType } from '@aws-sdk/client-swf';
import type { DueTimer } from '../clock';
import { compact, type EventAttributes, eventAttributesKey, type WireHistoryEvent } from '../wire';
import { LIMITS } from '../validation/swf-limits';
import { DECIDER_EVENTS } from './decider-events';
import type { ActivityState, DecisionTaskState, LambdaState, TimerState } from './task-states';
import type { ActivityTypeRecord, WorkflowTypeRecord } from './type-record';

/** The resolved configuration an execution runs with (defaults applied). */
export interface ExecutionConfig {
  taskList: string;
  taskPriority?: string;
  taskStartToCloseTimeout: string;
  executionStartToCloseTimeout: string;
  childPolicy: ChildPolicy;
  lambdaRole?: string;
}

/**
 * A temporary decision task list (RespondDecisionTaskCompleted's `taskList`
 * with `taskListScheduleToStartTimeout`): when a decision task on it times
 * out, SWF reverts to the execution's own task list.
 */
export interface TaskListOverride {
  taskList: string;
  scheduleToStartTimeout: string;
}

/** What an execution needs from the service around it. */
export interface ExecutionHooks {
  /** Service time in epoch seconds. */
  nowSeconds(): number;
  /** A decision-worthy event was recorded. */
  wake(execution: ExecutionRecord): void;
  /** The run changed (an event, or open work such as a heartbeat): a durable service writes it down. */
  changed(execution: ExecutionRecord): void;
  /** The history reached SWF's limit of events per execution. */
  eventLimitReached(execution: ExecutionRecord): void;
}

/**
 * What a run sees of its domain. The domain record implements it, so the
 * records depend one way: domain -> execution -> types.
 */
export interface ExecutionDomain {
  readonly name: string;
  readonly retentionDays: string;
  readonly workflowTypes: ReadonlyMap<string, WorkflowTypeRecord>;
  readonly activityTypes: ReadonlyMap<string, ActivityTypeRecord>;
  readonly executions: Map<string, ExecutionRecord>;
  readonly openByWorkflowId: Map<string, ExecutionRecord>;
}

/** A child workflow the execution initiated and that has not closed. */
export interface ChildState {
  initiatedEventId: number;
  workflowId: string;
  workflowType: WorkflowType;
  startedEventId?: number;
  execution?: ExecutionRecord;
}

export interface ParentLink {
  execution: ExecutionRecord;
  initiatedEventId: number;
}

/** One run of a workflow: its history and everything open in it. */
export class ExecutionRecord {
  readonly events: WireHistoryEvent[] = [];
  status: ExecutionStatus = 'OPEN';
  closeStatus?: CloseStatus;
  closeTimestamp?: number;
  cancelRequested = false;
  latestExecutionContext?: string;
  latestActivityTaskTimestamp?: number;
  previousStartedEventId = 0;
  taskListOverride?: TaskListOverride;
  readonly decision: DecisionTaskState = { pending: false };
  readonly activities = new Map<string, ActivityState>();
  readonly timers = new Map<string, TimerState>();
  readonly children = new Map<number, ChildState>();
  readonly lambdas = new Map<string, LambdaState>();
  executionTimer?: DueTimer;
  parent?: ParentLink;

  constructor(
    readonly domain: ExecutionDomain,
    readonly workflowId: string,
    readonly runId: string,
    readonly workflowType: WorkflowType,
    public config: ExecutionConfig,
    readonly tagList: string[],
    readonly startTimestamp: number,
    private readonly hooks: ExecutionHooks,
  ) {}

  get isOpen(): boolean {
    return this.status === 'OPEN';
  }

  get ref(): WorkflowExecution {
    return { workflowId: this.workflowId, runId: this.runId };
  }

  get lastEventId(): number {
    return this.events.length;
  }

  /** Appends an event to the history; wakes the decider when SWF would. */
  addEvent<E extends EventType>(eventType: E, attributes: EventAttributes<E>): number {
    const eventId = this.events.length + 1;
    this.events.push({
      eventId,
      eventType,
      eventTimestamp: this.hooks.nowSeconds(),
      [eventAttributesKey(eventType)]: compact(attributes),
    } as WireHistoryEvent);
    this.hooks.changed(this);
    if (this.isOpen && DECIDER_EVENTS.has(eventType)) this.hooks.wake(this);
    if (eventId === LIMITS.historyEvents && this.isOpen) this.hooks.eventLimitReached(this);
    return eventId;
  }

  /** Open work changed without an event (a heartbeat): a durable service writes it down. */
  touch(): void {
    this.hooks.changed(this);
  }

  describe(): string {
    return `WorkflowExecution=[workflowId=${this.workflowId}, runId=${this.runId}]`;
  }
}
