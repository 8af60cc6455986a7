import { GetWorkflowExecutionHistoryCommand, type ActivityTask, type HistoryEvent, type SWFClient } from '@aws-sdk/client-swf';
import type { ActivityDefaults } from '../metadata/activity-definition';
import type { ActivityContext } from './activity-context';

/** Close events after which no activity task of the execution is accepted any more. */
const EXECUTION_CLOSED = new Set([
  'WorkflowExecutionCompleted',
  'WorkflowExecutionFailed',
  'WorkflowExecutionCanceled',
  'WorkflowExecutionTerminated',
  'WorkflowExecutionTimedOut',
  'WorkflowExecutionContinuedAsNew',
]);

/** How long after a deadline the worker looks, so that SWF has written its timeout event. */
const GRACE_MS = 250;
/** How often a task with no known deadline (timeouts set per call, or `NONE`) is looked at. */
const UNKNOWN_DEADLINE_RECHECK_MS = 60_000;

export interface DeadlineWatch {
  /** Resolves with why SWF no longer waits for the task (`START_TO_CLOSE timeout`…); never rejects. */
  readonly expired: Promise<string>;
  stop(): void;
}

/**
 * Watches one running activity task for the moment SWF gives up on it.
 *
 * The poll answer carries no timeouts, and a workflow may override the
 * registered ones per call, so the registered start-to-close and heartbeat
 * timeouts only say when to look: the worker then reads the execution's newest
 * events for the task's own `ActivityTaskTimedOut` (or the execution's close)
 * and abandons the task only on SWF's word. Until then it looks again.
 */
export class ActivityDeadlines {
  constructor(
    private readonly swf: SWFClient,
    private readonly domain: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Watches one task; `shutdown` aborting (the worker gave up waiting for it) expires it too. */
  watch(task: ActivityTask, defaults: ActivityDefaults, context: ActivityContext, shutdown: AbortSignal): DeadlineWatch {
    const startedAt = this.now();
    const startToClose = seconds(defaults.startToCloseTimeout);
    const heartbeat = seconds(defaults.heartbeatTimeout);
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    let resolveExpired!: (why: string) => void;
    const expired = new Promise<string>((resolve) => (resolveExpired = resolve));
    const nextLook = (): number => {
      const due = [startToClose && startedAt + startToClose, heartbeat && context.lastHeartbeatAt + heartbeat].filter(
        (t): t is number => typeof t === 'number',
      );
      const now = this.now();
      const soonest = due.length > 0 ? Math.min(...due) : now + UNKNOWN_DEADLINE_RECHECK_MS;
      // Past every deadline and SWF still waits: the call overrode the timeouts; look again a timeout later.
      const recheck = Math.max(1_000, Math.min(startToClose ?? Infinity, heartbeat ?? Infinity, UNKNOWN_DEADLINE_RECHECK_MS));
      return Math.max(soonest + GRACE_MS - now, soonest <= now ? recheck : 0);
    };
    const schedule = (): void => {
      if (stopped) return;
      timer = setTimeout(() => void look(), nextLook());
      // A hung activity already holds the process; the watch alone must not.
      timer.unref();
    };
    const look = async (): Promise<void> => {
      const why = await this.closedBy(task).catch(() => undefined);
      if (stopped) return;
      if (why) resolveExpired(why);
      else schedule();
    };
    // A listener per task, removed when it ends: racing every task against one long-lived promise would keep a reaction per task.
    const onShutdown = (): void => resolveExpired('the worker shut down');
    if (shutdown.aborted) onShutdown();
    else shutdown.addEventListener('abort', onShutdown, { once: true });
    schedule();
    return {
      expired,
      stop: () => {
        stopped = true;
        clearTimeout(timer);
        shutdown.removeEventListener('abort', onShutdown);
      },
    };
  }

  /** Reads the execution's history newest first, back to the task's start, for what closed the task. */
  private async closedBy(task: ActivityTask): Promise<string | undefined> {
    let nextPageToken: string | undefined;
    do {
      let events: HistoryEvent[];
      try {
        const page = await this.swf.send(
          new GetWorkflowExecutionHistoryCommand({
            domain: this.domain,
            execution: task.workflowExecution,
            reverseOrder: true,
            maximumPageSize: 100,
            nextPageToken,
          }),
        );
        events = page.events ?? [];
        nextPageToken = page.nextPageToken;
      } catch (error) {
        if ((error as { name?: string }).name === 'UnknownResourceFault') return 'the execution no longer exists';
        throw error;
      }
      for (const event of events) {
        if ((event.eventId ?? 0) <= (task.startedEventId ?? 0)) return undefined;
        const timedOut = event.activityTaskTimedOutEventAttributes;
        if (timedOut && timedOut.startedEventId === task.startedEventId) return `${timedOut.timeoutType} timeout`;
        if (EXECUTION_CLOSED.has(event.eventType ?? '')) return `the execution closed (${event.eventType})`;
      }
    } while (nextPageToken);
    return undefined;
  }
}

function seconds(duration: number | 'NONE' | undefined): number | undefined {
  return typeof duration === 'number' ? duration * 1000 : undefined;
}
