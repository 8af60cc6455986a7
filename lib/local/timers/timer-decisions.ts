import { readPayload } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';
import { DECIDER_ID } from '../decision-tasks/decision-readers';
import { type DecisionSpec, NOT_PERMITTED } from '../decision-tasks/decision-spec';
import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';
import type { ExecutionRecord } from '../model/execution-record';
import type { ServiceContext } from '../service/service-context';

function startTimer(scope: DecisionScope, a: DecisionAttributesMap['StartTimer']): void {
  const { ctx, execution, completedEventId } = scope;
  const timerId = a.timerId!;
  const fail = (cause: 'TIMER_ID_ALREADY_IN_USE' | 'OPEN_TIMERS_LIMIT_EXCEEDED') =>
    execution.addEvent('StartTimerFailed', { timerId, cause, decisionTaskCompletedEventId: completedEventId });
  if (execution.timers.has(timerId)) return void fail('TIMER_ID_ALREADY_IN_USE');
  if (execution.timers.size >= LIMITS.openTimers) return void fail('OPEN_TIMERS_LIMIT_EXCEEDED');
  const startedEventId = execution.addEvent('TimerStarted', {
    timerId,
    control: a.control,
    startToFireTimeout: a.startToFireTimeout,
    decisionTaskCompletedEventId: completedEventId,
  });
  armTimer(ctx, execution, timerId, startedEventId, ctx.clock.now() + Number(a.startToFireTimeout) * 1000);
}

/** Arms a started timer to fire at `atMs` (also when a durable service restarts). */
export function armTimer(ctx: ServiceContext, execution: ExecutionRecord, timerId: string, startedEventId: number, atMs: number): void {
  const timer = ctx.timers.at(atMs, () => {
    if (!execution.isOpen || execution.timers.get(timerId)?.startedEventId !== startedEventId) return;
    execution.timers.delete(timerId);
    execution.addEvent('TimerFired', { timerId, startedEventId });
  });
  execution.timers.set(timerId, { timerId, startedEventId, timer });
}

function cancelTimer(scope: DecisionScope, a: DecisionAttributesMap['CancelTimer']): void {
  const { execution, completedEventId } = scope;
  const timer = execution.timers.get(a.timerId!);
  if (!timer) {
    execution.addEvent('CancelTimerFailed', {
      timerId: a.timerId,
      cause: 'TIMER_ID_UNKNOWN',
      decisionTaskCompletedEventId: completedEventId,
    });
    return;
  }
  timer.timer.cancel();
  execution.timers.delete(timer.timerId);
  execution.addEvent('TimerCanceled', {
    timerId: timer.timerId,
    startedEventId: timer.startedEventId,
    decisionTaskCompletedEventId: completedEventId,
  });
}

export const START_TIMER: DecisionSpec<'StartTimer'> = {
  parse: (r) => {
    const timeout = r.optionalDuration('startToFireTimeout', false);
    if (timeout === undefined) r.fail('startToFireTimeout', 'Member must not be null');
    return { timerId: r.requiredString('timerId', DECIDER_ID), control: readPayload(r, 'control'), startToFireTimeout: timeout };
  },
  apply: startTimer,
  deny: ({ execution, completedEventId }, a) =>
    void execution.addEvent('StartTimerFailed', {
      timerId: a.timerId,
      cause: NOT_PERMITTED,
      decisionTaskCompletedEventId: completedEventId,
    }),
};

export const CANCEL_TIMER: DecisionSpec<'CancelTimer'> = {
  parse: (r) => ({ timerId: r.requiredString('timerId', { min: 1, max: LIMITS.name }) }),
  apply: cancelTimer,
  deny: ({ execution, completedEventId }, a) =>
    void execution.addEvent('CancelTimerFailed', {
      timerId: a.timerId,
      cause: NOT_PERMITTED,
      decisionTaskCompletedEventId: completedEventId,
    }),
};
