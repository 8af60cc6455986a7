import type { ServiceContext } from '../service/service-context';

/**
 * True while some execution waits on a worker or a Lambda call: a decision
 * task scheduled or started, an activity task open, a Lambda running. When
 * none does, only timers and timeouts can move the executions on, so a
 * test may skip time to the next one.
 */
export function hasPendingWork(ctx: ServiceContext): boolean {
  for (const domain of ctx.domains.values()) {
    for (const execution of domain.openByWorkflowId.values()) {
      if (execution.decision.scheduledEventId !== undefined) return true;
      if (execution.activities.size > 0 || execution.lambdas.size > 0) return true;
    }
  }
  return false;
}
