/**
 * `tsflow/engine`: the deterministic replay engine on its own, with no I/O.
 * `replayHistory` checks a workflow against recorded histories before a
 * deploy; `decide` and `WorkflowExecution` are what a decider runs.
 *
 * @example
 * ```ts
 * import { replayHistory } from 'tsflow/engine';
 *
 * await replayHistory(OrderWorkflow, JSON.parse(readFileSync('history.json', 'utf8')));
 * ```
 *
 * @module tsflow/engine
 */
export { HistoryReferenceError, WorkflowExecution, WorkflowTypeMismatchError, decide, replayHistory } from './lib/engine';
// Workflows built by a DI container (constructor injection), for replayHistory and decide; it lives with the
// workers because the engine itself imports no container.
export { containerWorkflowFactory } from './lib/workers/workflow-factory';
export type {
  DecideOptions,
  DecideTaskOptions,
  DecisionResult,
  DecisionTaskInput,
  EventTimestamp,
  ExecutionOptions,
  HistoryEventInput,
  RecordedHistory,
  ReplayHistoryOptions,
  SignalDecoder,
  WorkflowFactory,
} from './lib/engine';
