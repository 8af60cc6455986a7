import type { ReplayState } from './replay-state';

/**
 * Says where a workflow waits when nothing it started can settle any more (no open
 * call, timer or signal wait): it would otherwise sit silently until its execution timeout.
 */
export function stuckReport(state: ReplayState, eventId: number): string {
  const { workflowType, workflowId, runId } = state.identity;
  const last = state.lastCall;
  const lastCall = last
    ? `its last call was ${last.kind} ${last.label ? `${last.label} ` : ''}(${last.id}, now ${last.state})`
    : 'it made no call';
  return (
    `Workflow ${workflowType} (workflow id ${workflowId}, run ${runId}) waits at event ${eventId} on something nothing can settle: ` +
    `no call, timer or signal wait of it is open, and ${lastCall}. A promise that no call, timer or signal resolves ` +
    `(such as await new Promise(() => {})) never ends; await a call, this.flow.sleep() or this.flow.condition() instead.`
  );
}
