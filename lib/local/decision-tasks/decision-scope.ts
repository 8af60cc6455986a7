import type { ExecutionRecord } from '../model/execution-record';
import type { ServiceContext } from '../service/service-context';

/** What a decision handler works with while one decision task completes. */
export interface DecisionScope {
  ctx: ServiceContext;
  execution: ExecutionRecord;
  /** The DecisionTaskCompleted event every resulting event points back to. */
  completedEventId: number;
  /** Decision-worthy events arrived while the task was started: closing decisions must fail. */
  unhandled: boolean;
  /** Work that, as in SWF, happens after the decisions are recorded (child starts, signals, Lambda calls). */
  after: Array<() => void>;
}
