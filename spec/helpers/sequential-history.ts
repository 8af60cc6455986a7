import type { Decision } from '@aws-sdk/client-swf';
import { HistoryBuilder } from './history-builder';

/**
 * The history of a workflow that calls the Lambda `step` with 0, 1, 2, … one
 * after another (`spec/fixtures/workflows/steps.workflow.ts`), written without
 * running the engine: six events per step, so `steps` steps make 3 + 6 × steps events.
 */
export function sequentialHistory(steps: number, batch = 1): HistoryBuilder {
  const h = HistoryBuilder.start({ steps, batch }, { workflowType: { name: 'Steps', version: '1' } }).decisionTask();
  let next = 0;
  while (next < steps) {
    const ids: string[] = [];
    const decisions: Decision[] = [];
    for (let i = 0; i < batch && next < steps; i++, next++) {
      const id = `lambda${next + 1}`;
      ids.push(id);
      decisions.push({
        decisionType: 'ScheduleLambdaFunction',
        scheduleLambdaFunctionDecisionAttributes: { id, name: 'step', input: JSON.stringify(next) },
      });
    }
    h.completed(decisions);
    for (const id of ids) h.lambdaStarted(id);
    for (const id of ids) h.lambdaCompleted(id, Number(id.slice('lambda'.length)) * 2);
    h.decisionTask();
  }
  return h;
}
