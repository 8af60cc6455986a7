import type { ActivityTaskTimeoutType, ActivityType } from '@aws-sdk/client-swf';
import type { DueTimer } from '../clock';

/** The execution's one decision task slot: scheduled, then started, then gone. */
export interface DecisionTaskState {
  scheduledEventId?: number;
  startedEventId?: number;
  token?: string;
  timer?: DueTimer;
  /** Events that need a decision arrived while a task was started. */
  pending: boolean;
  /** The task was scheduled on a temporary task list override. */
  onOverride?: boolean;
}

export interface ActivityTimeouts {
  scheduleToStart: string;
  scheduleToClose: string;
  startToClose: string;
  heartbeat: string;
}

/** An open activity task (scheduled or started). */
export interface ActivityState {
  activityId: string;
  activityType: ActivityType;
  input?: string;
  taskList: string;
  scheduledEventId: number;
  startedEventId?: number;
  token?: string;
  timeouts: ActivityTimeouts;
  timers: Map<ActivityTaskTimeoutType, DueTimer>;
  cancelRequested: boolean;
  latestCancelRequestedEventId?: number;
  heartbeatDetails?: string;
}

export interface TimerState {
  timerId: string;
  startedEventId: number;
  timer: DueTimer;
}

export interface LambdaState {
  id: string;
  name: string;
  scheduledEventId: number;
  startedEventId?: number;
  abort: AbortController;
  timer?: DueTimer;
}
