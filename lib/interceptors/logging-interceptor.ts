import type { ClientCallInfo, ClientInterceptor } from '../client/client-interceptor.types';
import type { Logger } from '../logging/logger';
import type { ActivityCallInfo, ActivityInterceptor } from './worker-interceptor.types';
import type { WorkflowCallAttempt, WorkflowCallInfo, WorkflowCallNext, WorkflowInterceptor } from './workflow-interceptor.types';

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * One log line per workflow call and per retry of one (not repeated on replay), per activity
 * execution (with its duration and outcome) and per client call: an
 * interceptor like any other, and an example of writing one.
 *
 * @example
 * ```ts
 * const logger = new ConsoleLogger({ level: 'debug' });
 * await FlowFactory.create(AppModule, { domain, taskList, logger, interceptors: [new LoggingInterceptor(logger)] });
 * ```
 */
export class LoggingInterceptor implements WorkflowInterceptor, ActivityInterceptor, ClientInterceptor {
  /** It only writes log lines, and none while replaying: the workflow's calls are the same with or without it. */
  readonly deterministic = true;

  constructor(private readonly logger: Logger) {}

  interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
    if (!call.isReplaying) {
      const { workflowType, workflowId, runId, kind, type, member, callId } = call;
      this.logger.debug('workflow call', { workflowType, workflowId, runId, kind, type, member, callId });
    }
    return next(call);
  }

  /** The first attempt is the call logged above; later ones are retries, logged with why. */
  onWorkflowCallAttempt(attempt: WorkflowCallAttempt): void {
    if (attempt.isReplaying || attempt.attempt === 1) return;
    const { workflowType, workflowId, runId, kind, type, member, callId, attemptId } = attempt;
    const after = describe(attempt.previousFailure);
    this.logger.debug('workflow call retried', {
      workflowType,
      workflowId,
      runId,
      kind,
      type,
      member,
      callId,
      attemptId,
      attempt: attempt.attempt,
      after,
    });
  }

  async interceptActivity(call: ActivityCallInfo, next: (call: ActivityCallInfo) => Promise<unknown>): Promise<unknown> {
    const fields = {
      activity: call.type,
      activityId: call.activityId,
      attempt: call.attempt,
      workflowId: call.workflowId,
      runId: call.runId,
    };
    const start = performance.now();
    try {
      const result = await next(call);
      this.logger.debug('activity returned', { ...fields, durationMs: Math.round(performance.now() - start) });
      return result;
    } catch (error) {
      this.logger.debug('activity threw', { ...fields, durationMs: Math.round(performance.now() - start), error: describe(error) });
      throw error;
    }
  }

  async interceptClient(call: ClientCallInfo, next: (call: ClientCallInfo) => Promise<unknown>): Promise<unknown> {
    const result = await next(call);
    const { kind, workflowId } = call;
    const extra = call.kind === 'start' ? { type: call.type, runId: result } : 'runId' in call ? { runId: call.runId } : {};
    this.logger.info(`client ${kind}`, { workflowId, ...extra });
    return result;
  }
}
