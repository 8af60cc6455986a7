import type { DomainRecord } from '../model/domain-record';
import type { ExecutionRecord } from '../model/execution-record';

/**
 * Where the service writes down what changed, so a durable service (SQLite,
 * `--db`) can commit every accepted call before answering it. The in-memory
 * service keeps nothing: {@link IN_MEMORY_JOURNAL}.
 */
export interface StateJournal {
  /** A domain's registration, status, types or tags changed. */
  domainChanged(domain: DomainRecord): void;
  /** A run's history or open work changed. */
  executionChanged(execution: ExecutionRecord): void;
  /** A closed run's record and history are gone (retention). */
  executionDeleted(execution: ExecutionRecord): void;
  /** Writes everything changed since the last commit, atomically; throws when it cannot. */
  commit(): void;
  /** Set once a commit failed: the service must stop answering, its state is ahead of the disk. */
  readonly failure?: Error;
  close(): void;
}

export const IN_MEMORY_JOURNAL: StateJournal = {
  domainChanged: () => undefined,
  executionChanged: () => undefined,
  executionDeleted: () => undefined,
  commit: () => undefined,
  close: () => undefined,
};
