import type { DecisionTaskTimeoutType } from '@aws-sdk/client-swf';
import type { DecisionItem, ServiceContext } from '../service/service-context';
import { newTaskToken } from '../service/secure-tokens';
import type { ExecutionRecord } from '../model/execution-record';

/** A decision-worthy event was recorded: SWF's rule is at most one decision task scheduled and one started. */
export function wakeDecider(ctx: ServiceContext, execution: ExecutionRecord): void {
  const slot = execution.decision;
  if (slot.startedEventId !== undefined) slot.pending = true;
  else if (slot.scheduledEventId === undefined) scheduleDecisionTask(ctx, execution);
}

export function scheduleDecisionTask(ctx: ServiceContext, execution: ExecutionRecord): void {
  const slot = execution.decision;
  const { taskPriority, taskStartToCloseTimeout } = execution.config;
  const override = execution.taskListOverride;
  const taskList = override?.taskList ?? execution.config.taskList;
  const scheduleToStartTimeout = override?.scheduleToStartTimeout;
  slot.pending = false;
  slot.onOverride = !!override;
  const scheduledEventId = execution.addEvent('DecisionTaskScheduled', {
    taskList: { name: taskList },
    taskPriority,
    startToCloseTimeout: taskStartToCloseTimeout,
    scheduleToStartTimeout,
  });
  slot.scheduledEventId = scheduledEventId;
  if (scheduleToStartTimeout && scheduleToStartTimeout !== 'NONE') {
    armDecisionTimeout(ctx, execution, 'SCHEDULE_TO_START', ctx.clock.now() + Number(scheduleToStartTimeout) * 1000);
  }
  ctx.decisionLists.get(execution.domain.name, taskList).offer({ execution, scheduledEventId }, Number(taskPriority ?? 0));
}

/** True while `item` is the execution's scheduled, not yet started, decision task. */
export function isLiveDecision(item: DecisionItem): boolean {
  const slot = item.execution.decision;
  return item.execution.isOpen && slot.scheduledEventId === item.scheduledEventId && slot.startedEventId === undefined;
}

export interface StartedDecision {
  execution: ExecutionRecord;
  token: string;
  startedEventId: number;
}

/** Hands a decision task to a poller: records DecisionTaskStarted and arms its start-to-close timeout. */
export function startDecisionTask(ctx: ServiceContext, item: DecisionItem, identity?: string): StartedDecision | undefined {
  if (!isLiveDecision(item)) return undefined;
  const { execution } = item;
  const slot = execution.decision;
  slot.timer?.cancel();
  const startedEventId = execution.addEvent('DecisionTaskStarted', { identity, scheduledEventId: item.scheduledEventId });
  const token = newTaskToken();
  slot.startedEventId = startedEventId;
  slot.token = token;
  ctx.tokens.set(token, { kind: 'decision', execution, startedEventId });
  const timeout = execution.config.taskStartToCloseTimeout;
  slot.timer = undefined;
  if (timeout !== 'NONE') armDecisionTimeout(ctx, execution, 'START_TO_CLOSE', ctx.clock.now() + Number(timeout) * 1000);
  return { execution, token, startedEventId };
}

/** Arms the decision slot's timeout to strike at `atMs` (also when a durable service restarts). */
export function armDecisionTimeout(
  ctx: ServiceContext,
  execution: ExecutionRecord,
  timeoutType: DecisionTaskTimeoutType,
  atMs: number,
): void {
  execution.decision.timer = ctx.timers.at(atMs, () => timeOutDecisionTask(ctx, execution, timeoutType));
}

/** Empties the slot; the started task's token stops working. */
export function clearDecisionSlot(ctx: ServiceContext, execution: ExecutionRecord): void {
  const slot = execution.decision;
  slot.timer?.cancel();
  if (slot.token) ctx.tokens.delete(slot.token);
  slot.timer = slot.token = slot.scheduledEventId = slot.startedEventId = undefined;
}

/** After a completed decision task: schedules the next one if events arrived meanwhile. */
export function finishDecisionTask(ctx: ServiceContext, execution: ExecutionRecord): void {
  const pending = execution.decision.pending;
  clearDecisionSlot(ctx, execution);
  if (pending && execution.isOpen) scheduleDecisionTask(ctx, execution);
}

function timeOutDecisionTask(ctx: ServiceContext, execution: ExecutionRecord, timeoutType: DecisionTaskTimeoutType): void {
  const slot = execution.decision;
  if (!execution.isOpen || slot.scheduledEventId === undefined) return;
  const scheduledEventId = slot.scheduledEventId;
  const startedEventId = slot.startedEventId ?? 0;
  // A timed-out task on a temporary override sends the next one back to the execution's own list.
  if (slot.onOverride) execution.taskListOverride = undefined;
  clearDecisionSlot(ctx, execution);
  // DecisionTaskTimedOut wakes the decider, which schedules a fresh task at once.
  execution.addEvent('DecisionTaskTimedOut', { timeoutType, scheduledEventId, startedEventId });
}
