import 'reflect-metadata';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { WorkflowExecution, type DecisionTaskInput } from '../engine';
import { ExecutionCache } from '../lib/workers/execution-cache';
import { retainedBytes } from '../lib/workers/retained-size';
import { Steps } from '../spec/fixtures/workflows';
import { sequentialHistory } from '../spec/helpers';
import { collectGarbage } from './bench-timing';

export interface MemoryFigures {
  historyEvents: number;
  kept: number;
  heapPerKeptKb: number;
  estimatePerKeptKb: number;
  cache: { executions: number; capacity: number; budgetMb: number; size: number; heldMb: number; evictions: number; heapGrowthMb: number };
}

/** The history of the first `steps` calls of a workflow that makes many more: it is still running, so it is kept. */
function task(steps: number): DecisionTaskInput {
  const t = JSON.parse(JSON.stringify(sequentialHistory(steps, 1).task())) as DecisionTaskInput;
  t.events![0].workflowExecutionStartedEventAttributes!.input = JSON.stringify({ steps: 1_000_000, batch: 1 });
  return t;
}

function heapMb(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

async function keep(t: DecisionTaskInput, i: number): Promise<WorkflowExecution> {
  const execution = WorkflowExecution.start(Steps, { workflowId: `mem-${i}`, runId: `run-${i}` });
  const own = { ...t, workflowExecution: { workflowId: `mem-${i}`, runId: `run-${i}` } };
  const { status } = await execution.decide(own);
  if (status !== 'open') throw new Error(`the memory benchmark keeps running executions, but this one is ${status}`);
  return execution;
}

/** Heap held by kept executions of a ~1,000-event history, and the cache's bounds under 10,000 executions. */
export async function memoryFigures(): Promise<MemoryFigures> {
  const history = task(166); // 3 + 6 × 166 = 999 events
  const kept: WorkflowExecution[] = [];
  const count = 200;
  await keep(history, -1);
  const before = heapMb();
  for (let i = 0; i < count; i++) kept.push(await keep(history, i));
  const after = heapMb();
  const heapPerKeptKb = ((after - before) * 1024) / count;
  const estimatePerKeptKb = retainedBytes(history.events as HistoryEvent[]) / 1024;
  kept.length = 0;

  const small = task(16); // about 100 events each
  const bytes = retainedBytes(small.events as HistoryEvent[]);
  const capacity = 1000;
  const budget = 32 * 1024 * 1024;
  const cache = new ExecutionCache(capacity, budget);
  const start = heapMb();
  const executions = 10_000;
  for (let i = 0; i < executions; i++) cache.put(await keep(small, i), bytes);
  const growth = heapMb() - start;
  return {
    historyEvents: history.events!.length,
    kept: count,
    heapPerKeptKb,
    estimatePerKeptKb,
    cache: {
      executions,
      capacity,
      budgetMb: budget / (1024 * 1024),
      size: cache.size,
      heldMb: cache.bytes / (1024 * 1024),
      evictions: cache.evictions,
      heapGrowthMb: growth,
    },
  };
}

if (require.main === module) {
  memoryFigures().then((f) => console.log(JSON.stringify(f, null, 2)));
}
