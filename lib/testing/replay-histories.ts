import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { HistoryEventInput } from '../engine/history.types';
import { NondeterminismError } from '../engine/nondeterminism.error';
import { replayHistory } from '../engine/replay-history';
import { TsflowError } from '../errors/tsflow.error';
import { WORKER_MODULE_METADATA } from '../metadata/constants';
import type { Constructor } from '../metadata/records';
import { describeWorkflow } from '../metadata/workflow-definition';
import { scanModule } from '../module/module-scanner';
import { containerWorkflowFactory } from '../workers/workflow-factory';
import { registerProvider } from '../module/register-provider';
import { loadHistory, type HistorySource } from './history-source';

/** How one history replayed. */
export interface ReplayResult {
  /** The file path, or `histories[i]` for a history given as data. */
  readonly source: string;
  /** `name version` of the workflow type the history started, when it names one. */
  readonly workflowType?: string;
  /** True when the current code makes exactly the decisions the history recorded. */
  readonly ok: boolean;
  /** Why not: a `NondeterminismError` (naming the event and both decisions) or what stopped the replay. */
  readonly error?: Error;
  /** The event where code and history part ways, for a nondeterminism error. */
  readonly eventId?: number;
}

/**
 * Replays recorded histories through the current code and returns one result
 * per history, failures included (it rejects only for a target that is not a
 * workflow or module). Given a `@WorkerModule`, each history is replayed by the
 * module's workflow of the type it started, built with the module's providers.
 *
 * @example
 * ```ts
 * const results = await replayHistories(OrdersModule, ['spec/fixtures/histories/order-1.json', await handle.history()]);
 * for (const r of results) if (!r.ok) console.log(r.source, r.error?.message);
 * ```
 */
export async function replayHistories(target: Constructor, histories: readonly HistorySource[]): Promise<ReplayResult[]> {
  const resolver = workflowResolver(target);
  const results: ReplayResult[] = [];
  for (const [index, source] of histories.entries()) results.push(await replayOne(resolver, source, index));
  return results;
}

/**
 * A mocha-friendly check: resolves with the results when every history
 * replays, and rejects with one error listing each history that does not
 * (its source, event id and the decisions that differ).
 *
 * @example
 * ```ts
 * it('replays the recorded orders', () => assertReplays(OrdersModule, ['spec/fixtures/histories/order-1.json']));
 * ```
 */
export async function assertReplays(target: Constructor, histories: readonly HistorySource[]): Promise<ReplayResult[]> {
  const results = await replayHistories(target, histories);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    const lines = failed.map((r) => `  ${r.source}${r.workflowType ? ` (${r.workflowType})` : ''}: ${r.error?.message}`);
    throw new ReplayAssertionError(`${failed.length} of ${results.length} histories do not replay:\n${lines.join('\n')}`, failed);
  }
  return results;
}

/** Raised by {@link assertReplays}; `failures` holds the failed results. */
export class ReplayAssertionError extends TsflowError {
  constructor(
    message: string,
    readonly failures: readonly ReplayResult[],
  ) {
    super(message);
  }
}

interface WorkflowResolver {
  container: DependencyContainer;
  find(type: { name?: string; version?: string } | undefined): Constructor;
}

function workflowResolver(target: Constructor): WorkflowResolver {
  if (!Reflect.getOwnMetadata(WORKER_MODULE_METADATA, target)) {
    describeWorkflow(target); // throws a clear error for a class that is neither
    return { container: rootContainer, find: () => target };
  }
  const scanned = scanModule(target);
  const container = rootContainer.createChildContainer();
  for (const provider of scanned.providers) registerProvider(container, provider);
  return {
    container,
    find(type) {
      const found = scanned.workflows.find((w) => {
        const d = describeWorkflow(w);
        return d.name === type?.name && d.version === type?.version;
      });
      if (found) return found;
      const served = scanned.workflows.map((w) => `${describeWorkflow(w).name} ${describeWorkflow(w).version}`).join(', ');
      throw new TsflowError(
        `${target.name} has no workflow of type ${type?.name} version ${type?.version} (it serves: ${served || 'none'}); ` +
          'add the workflow class to the module, or replay the history against the class itself.',
      );
    },
  };
}

async function replayOne(resolver: WorkflowResolver, source: HistorySource, index: number): Promise<ReplayResult> {
  let label = typeof source === 'string' ? source : `histories[${index}]`;
  let workflowType: string | undefined;
  try {
    const loaded = loadHistory(source, index);
    label = loaded.label;
    const type = startedType(loaded.events);
    workflowType = type ? `${type.name} ${type.version}` : undefined;
    await replayHistory(resolver.find(type), loaded.events, {
      createWorkflow: containerWorkflowFactory(resolver.container),
      workflowId: label,
      runId: label,
    });
    return { source: label, workflowType, ok: true };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    const eventId = failure instanceof NondeterminismError ? failure.eventId : undefined;
    return { source: label, workflowType, ok: false, error: failure, eventId };
  }
}

function startedType(events: readonly HistoryEventInput[]): { name?: string; version?: string } | undefined {
  return events.find((e) => e.eventType === 'WorkflowExecutionStarted')?.workflowExecutionStartedEventAttributes?.workflowType;
}
