import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DomainRecord } from '../model/domain-record';
import type { ExecutionRecord } from '../model/execution-record';
import type { StateJournal } from '../service/state-journal';
import type { WireHistoryEvent } from '../wire';
import { type DomainSnapshot, domainSnapshot, type ExecutionSnapshot, executionSnapshot } from './snapshots';
import { StateFileError } from './state-file.error';

/** Bumped when the tables change shape; a file of another version is refused, not misread. */
const SCHEMA_VERSION = '1';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
  CREATE TABLE IF NOT EXISTS domains (name TEXT PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS executions (run_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS events (
    run_id TEXT NOT NULL, event_id INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (run_id, event_id)
  ) WITHOUT ROWID;
`;

/** What a state file holds when the service starts on it. */
export interface SavedState {
  domains: DomainSnapshot[];
  executions: { snapshot: ExecutionSnapshot; events: WireHistoryEvent[] }[];
  pageTokenKey: Buffer;
}

/**
 * The service's state in one SQLite file (better-sqlite3). Calls mark what
 * they change; `commit` writes it in one transaction, synchronously, before
 * the call is answered. WAL with `synchronous = NORMAL`: a committed call
 * is in the file's write-ahead log before the answer leaves, so it survives
 * any kill or crash of the service's process; only a crash of the machine
 * itself (power cut) may lose the last calls. FULL would also cover that at
 * about ten times the cost per call (an fsync each; `npm run bench:durable`),
 * which a development service does not need. The file is locked
 * (`locking_mode = EXCLUSIVE`) while the service runs, so two services never
 * share one.
 */
export class SqliteJournal implements StateJournal {
  private readonly domains = new Set<DomainRecord>();
  private readonly executions = new Set<ExecutionRecord>();
  private readonly deleted = new Set<string>();
  /** Runs retention deleted: a late change (a Lambda answer after the close) must not write them back. */
  private readonly gone = new WeakSet<ExecutionRecord>();
  /** Events already in the file, per run id. */
  private readonly written = new Map<string, number>();
  private scheduled = false;
  failure?: Error;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly write: () => void;

  private constructor(
    private readonly file: string,
    private readonly db: Database.Database,
    saved: SavedState,
  ) {
    this.statements = prepare(db);
    for (const { snapshot, events } of saved.executions) this.written.set(snapshot.runId, events.length);
    this.write = db.transaction(() => this.writeChanges());
  }

  /** Opens (or creates) the state file and reads everything in it. */
  static open(file: string): { journal: SqliteJournal; saved: SavedState } {
    let db: Database.Database;
    try {
      // A held lock means another service: say so at once rather than wait for it.
      db = new (driver())(file, { timeout: 100 });
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(SCHEMA);
    } catch (error) {
      const busy = (error as { code?: string }).code === 'SQLITE_BUSY';
      throw busy
        ? new StateFileError(file, 'is held by another tsflow service (a file serves one at a time); stop that one or give another file')
        : new StateFileError(file, 'cannot be opened as a SQLite database (check the path, its folder and permissions)', error);
    }
    try {
      const saved = load(file, db);
      return { journal: new SqliteJournal(file, db, saved), saved };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  domainChanged(domain: DomainRecord): void {
    this.domains.add(domain);
    this.soon();
  }

  executionChanged(execution: ExecutionRecord): void {
    if (this.gone.has(execution)) return;
    this.executions.add(execution);
    this.soon();
  }

  executionDeleted(execution: ExecutionRecord): void {
    this.gone.add(execution);
    this.executions.delete(execution);
    this.deleted.add(execution.runId);
    this.soon();
  }

  /**
   * Changes made outside a call (a timer fired, a Lambda call answered) are
   * committed at the end of the current turn; a call's own changes are
   * committed by the backend before it answers.
   */
  private soon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      try {
        this.commit();
      } catch (error) {
        // Also kept in `failure`: every later call is refused with it.
        process.emitWarning(error as Error);
      }
    });
  }

  commit(): void {
    this.scheduled = false;
    if (this.failure) throw this.failure;
    // After close() nothing the service does is promised any more.
    if (!this.db.open) return;
    if (!this.domains.size && !this.executions.size && !this.deleted.size) return;
    try {
      this.write();
    } catch (error) {
      this.failure = new StateFileError(this.file, 'a change could not be written; the service stops answering so no call is lost', error);
      throw this.failure;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private writeChanges(): void {
    const s = this.statements;
    for (const domain of this.domains) s.putDomain.run(domain.name, JSON.stringify(domainSnapshot(domain)));
    for (const execution of this.executions) {
      s.putExecution.run(execution.runId, JSON.stringify(executionSnapshot(execution)));
      const from = this.written.get(execution.runId) ?? 0;
      for (const event of execution.events.slice(from)) s.putEvent.run(execution.runId, event.eventId, JSON.stringify(event));
      this.written.set(execution.runId, execution.events.length);
    }
    for (const runId of this.deleted) {
      s.deleteExecution.run(runId);
      s.deleteEvents.run(runId);
      this.written.delete(runId);
    }
    this.domains.clear();
    this.executions.clear();
    this.deleted.clear();
  }
}

/**
 * The SQLite driver is a native module: loaded only when a service is made
 * with a state file, so the in-memory service never needs it.
 */
function driver(): typeof Database {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('better-sqlite3') as typeof Database;
}

function prepare(db: Database.Database) {
  return {
    putDomain: db.prepare('INSERT OR REPLACE INTO domains (name, doc) VALUES (?, ?)'),
    putExecution: db.prepare('INSERT OR REPLACE INTO executions (run_id, doc) VALUES (?, ?)'),
    putEvent: db.prepare('INSERT INTO events (run_id, event_id, doc) VALUES (?, ?, ?)'),
    deleteExecution: db.prepare('DELETE FROM executions WHERE run_id = ?'),
    deleteEvents: db.prepare('DELETE FROM events WHERE run_id = ?'),
  };
}

function load(file: string, db: Database.Database): SavedState {
  const meta = new Map(
    (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: Buffer | string }[]).map((r) => [r.key, r.value]),
  );
  const version = meta.get('schema')?.toString();
  if (version === undefined) {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('schema', SCHEMA_VERSION, 'page-token-key', randomBytes(32));
    return load(file, db);
  }
  if (version !== SCHEMA_VERSION) {
    throw new StateFileError(file, `has schema version ${version}, this tsflow reads version ${SCHEMA_VERSION}; use a new file`);
  }
  const pageTokenKey = meta.get('page-token-key') as Buffer;
  const domains = (db.prepare('SELECT doc FROM domains').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as DomainSnapshot);
  const events = new Map<string, WireHistoryEvent[]>();
  for (const row of db.prepare('SELECT run_id, doc FROM events ORDER BY run_id, event_id').iterate() as Iterable<{
    run_id: string;
    doc: string;
  }>) {
    let list = events.get(row.run_id);
    if (!list) events.set(row.run_id, (list = []));
    list.push(JSON.parse(row.doc) as WireHistoryEvent);
  }
  const executions = (db.prepare('SELECT doc FROM executions').all() as { doc: string }[]).map((r) => {
    const snapshot = JSON.parse(r.doc) as ExecutionSnapshot;
    const history = events.get(snapshot.runId) ?? [];
    history.forEach((event, i) => {
      if (event.eventId !== i + 1) {
        throw new StateFileError(file, `history of run ${snapshot.runId} is not contiguous at event ${i + 1}; the file is damaged`);
      }
    });
    return { snapshot, events: history };
  });
  return { domains, executions, pageTokenKey };
}
