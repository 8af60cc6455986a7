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
export { WorkflowExecution, WorkflowTypeMismatchError, decide, replayHistory } from './lib/engine';
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
} from './lib/engine';
