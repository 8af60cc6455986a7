import { TsflowError } from '../errors/tsflow.error';
import type { LocalSwfBackend } from '../local/swf-backend';
import { settle } from '../local/manual-clock';

/**
 * Resolves once no decision, activity or Lambda task is pending, checking
 * every millisecond of real time. Rejects after `timeoutMs` of real time:
 * a worker that never finishes (a hung activity) must fail the test, not hang it.
 */
export async function waitUntilIdle(backend: LocalSwfBackend, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await settle();
  while (!backend.isIdle()) {
    if (Date.now() > deadline) {
      throw new TsflowError(
        `TestWorkflowEnvironment: the workers were still busy after ${timeoutMs} ms of real time (a decision, activity or Lambda task ` +
          'stayed open). Check for an activity that never returns, or a module without a worker for a task list it uses.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
