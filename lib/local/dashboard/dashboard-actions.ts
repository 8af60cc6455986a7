import { TsflowError } from '../../errors/tsflow.error';
import type { SwfDispatcher } from '../transport/swf-json-protocol';

export const ACTIONS = ['signal', 'cancel', 'terminate'] as const;
export type DashboardAction = (typeof ACTIONS)[number];

/** A form the dashboard cannot act on: says which field is wrong. */
export class DashboardActionError extends TsflowError {}

/**
 * Runs a dashboard form through the public SWF actions, as a client would:
 * SignalWorkflowExecution, RequestCancelWorkflowExecution, TerminateWorkflowExecution.
 */
export async function runAction(
  service: SwfDispatcher,
  action: DashboardAction,
  target: { domain: string; workflowId: string; runId: string },
  form: URLSearchParams,
): Promise<string> {
  const base = { domain: target.domain, workflowId: target.workflowId, runId: target.runId };
  const text = (key: string): string | undefined => form.get(key)?.trim() || undefined;
  if (action === 'signal') {
    const signalName = text('signalName');
    if (!signalName) throw new DashboardActionError('Signal: give the signal name.');
    const input = text('input');
    if (input !== undefined) {
      try {
        JSON.parse(input);
      } catch (error) {
        throw new DashboardActionError(
          `Signal ${signalName}: the input must be JSON (${(error as Error).message}); quote text: "like this".`,
        );
      }
    }
    await service.dispatch('SignalWorkflowExecution', { ...base, signalName, input });
    return `Signal ${signalName} sent.`;
  }
  if (action === 'cancel') {
    await service.dispatch('RequestCancelWorkflowExecution', base);
    return 'Cancellation requested.';
  }
  await service.dispatch('TerminateWorkflowExecution', { ...base, reason: text('reason') ?? 'terminated from the dashboard' });
  return 'Terminated.';
}
