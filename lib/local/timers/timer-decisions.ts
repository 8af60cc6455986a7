import { LIMITS } from '../validation/swf-limits';
import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';

export function startTimer(scope: DecisionScope, a: DecisionAttributesMap['StartTimer']): void {
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
  const timer = ctx.timers.after(Number(a.startToFireTimeout), () => {
    if (!execution.isOpen || execution.timers.get(timerId)?.startedEventId !== startedEventId) return;
    execution.timers.delete(timerId);
    execution.addEvent('TimerFired', { timerId, startedEventId });
  });
  execution.timers.set(timerId, { timerId, startedEventId, timer });
}

export function cancelTimer(scope: DecisionScope, a: DecisionAttributesMap['CancelTimer']): void {
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

export function recordMarker(scope: DecisionScope, a: DecisionAttributesMap['RecordMarker']): void {
  scope.execution.addEvent('MarkerRecorded', {
    markerName: a.markerName,
    details: a.details,
    decisionTaskCompletedEventId: scope.completedEventId,
  });
}
