import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Decision } from '@aws-sdk/client-swf';
import { decide, type DecisionTaskInput } from '../engine';
import { Steps } from '../spec/fixtures/workflows';
import { fmt } from './bench-timing';
import { peerEndToEnd, type PeerEndToEndRow } from './peers-end-to-end.bench';
import { wireTask, type ReplayRow } from './replay.bench';

/**
 * Group 5: full replay beside pyflow, the Python SWF framework tsflow descends from, on the same generated
 * histories as group 1. pyflow is someone else's code and is not in this repository: the bench finds a
 * copy through PYFLOW_HOME (a directory holding the `pyflow` package) and skips the group when there is none.
 */

/** Where the copy of pyflow is looked for when PYFLOW_HOME is not set. */
export const DEFAULT_PYFLOW_HOME = '/work/peers/pyflow';
/** Wall-clock budget for pyflow's samples; big histories get fewer runs, and one that would overrun it is skipped. */
const PYFLOW_BUDGET_SECONDS = Number(process.env.BENCH_PYFLOW_BUDGET_S ?? 60);
const PYFLOW_MAX_RUNS = 5;
/** Sequential Lambdas per end-to-end run (comma-separated). pyflow replays the whole history per decision: 1,000 takes minutes. */
const PYFLOW_E2E_STEPS = (process.env.BENCH_PYFLOW_E2E_STEPS ?? '200').split(',').filter(Boolean).map(Number);

export interface PeerRow {
  events: number;
  /** Median ms of pyflow's `Decider.process_decision_task`, or undefined when skipped. */
  pyflowMs?: number;
  pyflowRuns: number;
  /** Group 1's steady-state full replay of the same history, measured in the same run. */
  tsflowMs: number;
  ratio?: number;
  /** pyflow's decisions equal ours (types, ids, names; inputs and results compared decoded). */
  sameDecisions?: boolean;
  /** Both sides' decisions, when they differ. */
  mismatch?: { tsflow: Decision[]; pyflow: Decision[] };
  skipped?: string;
}

export type PeerFigures = { pyflow: PeerRow[]; endToEnd: PeerEndToEndRow[]; pyflowHome: string } | { skipped: string };

interface DriverLine {
  events: number;
  medianMs?: number;
  samplesMs?: number[];
  decisions?: Decision[];
  skipped?: string;
}

/** The copy of pyflow to use, or why there is none. */
function findPyflow(): { home: string; python: string } | { skipped: string } {
  const home = process.env.PYFLOW_HOME ?? (existsSync(DEFAULT_PYFLOW_HOME) ? DEFAULT_PYFLOW_HOME : undefined);
  if (!home) return { skipped: `PYFLOW_HOME is not set and ${DEFAULT_PYFLOW_HOME} does not exist (see BENCHMARKS.md, group 5)` };
  if (!existsSync(join(home, 'pyflow', '__init__.py'))) return { skipped: `PYFLOW_HOME=${home} holds no pyflow/__init__.py` };
  const python = process.env.PYFLOW_PYTHON ?? 'python3';
  const probe = spawnSync(python, ['-c', 'import pyflow'], { env: { ...process.env, PYTHONPATH: home }, encoding: 'utf8' });
  if (probe.error) return { skipped: `${python} did not start (${probe.error.message}); set PYFLOW_PYTHON` };
  if (probe.status !== 0) {
    const last = probe.stderr.trim().split('\n').at(-1);
    return { skipped: `${python} cannot import pyflow from ${home} (${last}); it needs boto3 and attrs` };
  }
  return { home, python };
}

/** A decision with its JSON payloads decoded, so that `{"a": 1}` (Python's separators) equals `{"a":1}`. */
function comparable(decisions: Decision[]): unknown {
  return decisions.map((d) =>
    Object.fromEntries(
      Object.entries(d).map(([key, value]) => {
        if (typeof value !== 'object' || value === null) return [key, value];
        const attributes = Object.entries(value as Record<string, unknown>)
          .map(([k, v]) => [k, (k === 'input' || k === 'result') && typeof v === 'string' ? JSON.parse(v) : v] as const)
          .sort(([a], [b]) => a.localeCompare(b));
        return [key, Object.fromEntries(attributes)];
      }),
    ),
  );
}

/** Times pyflow on group 1's sequential histories and sets each beside tsflow's steady replay of it. */
export async function peerFigures(replay: ReplayRow[]): Promise<PeerFigures> {
  const found = findPyflow();
  if ('skipped' in found) return found;
  const sequential = replay.filter((r) => r.history === 'sequential');
  const dir = mkdtempSync(join(tmpdir(), 'tsflow-bench-peers-'));
  try {
    const tasks = sequential.map((r) => {
      const text = wireTask(r.events + 1, 1); // wireTask's target is an upper bound; r.events is what it made
      const file = join(dir, `task-${r.events}.json`);
      writeFileSync(file, text);
      return { row: r, task: JSON.parse(text) as DecisionTaskInput, file };
    });
    const driver = join(__dirname, '..', '..', 'bench', 'peers', 'pyflow-replay.py');
    const result = spawnSync(found.python, [driver, String(PYFLOW_BUDGET_SECONDS), String(PYFLOW_MAX_RUNS), ...tasks.map((t) => t.file)], {
      env: { ...process.env, PYTHONPATH: found.home },
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      timeout: (PYFLOW_BUDGET_SECONDS + 120) * 1000,
    });
    if (result.status !== 0) {
      return { skipped: `the pyflow driver failed (${result.error?.message ?? result.stderr.trim().split('\n').at(-1)})` };
    }
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as DriverLine);
    const rows: PeerRow[] = [];
    for (const { row, task } of tasks) {
      const line = lines.find((l) => l.events === row.events);
      const tsflowMs = row.steady.replay.median;
      if (!line || line.medianMs === undefined) {
        rows.push({ events: row.events, pyflowRuns: 0, tsflowMs, skipped: line?.skipped ?? 'the driver printed nothing for it' });
        continue;
      }
      const ours = (await decide(Steps, task)).decisions;
      const sameDecisions = JSON.stringify(comparable(ours)) === JSON.stringify(comparable(line.decisions ?? []));
      rows.push({
        events: row.events,
        pyflowMs: line.medianMs,
        pyflowRuns: line.samplesMs?.length ?? 0,
        tsflowMs,
        ratio: line.medianMs / tsflowMs,
        sameDecisions,
        ...(sameDecisions ? {} : { mismatch: { tsflow: ours, pyflow: line.decisions ?? [] } }),
      });
    }
    const endToEnd: PeerEndToEndRow[] = [];
    for (const steps of PYFLOW_E2E_STEPS) endToEnd.push(await peerEndToEnd(found, steps));
    return { pyflow: rows, endToEnd, pyflowHome: found.home };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printPeerFigures(peers: PeerFigures): void {
  console.log(
    "\n5. Beside the peers: full replay (median ms), pyflow's Decider.process_decision_task beside tsflow's group 1 steady replay",
  );
  if ('skipped' in peers) {
    console.log(`   skipped: ${peers.skipped}`);
    return;
  }
  console.log(`   pyflow from ${peers.pyflowHome}`);
  console.log('    events | pyflow ms  runs | tsflow ms | pyflow ÷ tsflow | same decision');
  for (const p of peers.pyflow) {
    if (p.pyflowMs === undefined) {
      console.log(`   ${String(p.events).padStart(7)} | skipped: ${p.skipped}`);
      continue;
    }
    console.log(
      `   ${String(p.events).padStart(7)} |${fmt(p.pyflowMs, 10)}${String(p.pyflowRuns).padStart(6)} |${fmt(p.tsflowMs, 10)} |${fmt(p.ratio!, 16, 0)} | ${p.sameDecisions ? 'yes' : 'NO'}`,
    );
    if (p.mismatch) console.log(`     tsflow: ${JSON.stringify(p.mismatch.tsflow)}\n     pyflow: ${JSON.stringify(p.mismatch.pyflow)}`);
  }
  if (peers.endToEnd.length === 0) return;
  console.log('   end to end over loopback HTTP, sequential Lambdas (one run each; tsflow as in group 3, fresh process):');
  console.log('     steps | pyflow wall ms  decisions/s | tsflow wall ms  decisions/s | tsflow ÷ pyflow');
  for (const e of peers.endToEnd) {
    console.log(
      `   ${String(e.steps).padStart(7)} |${fmt(e.pyflow.wallMs, 15, 0)}${fmt(e.pyflow.decisionsPerSecond, 13, 1)} |` +
        `${fmt(e.tsflow.wallMs, 15, 0)}${fmt(e.tsflow.decisionsPerSecond, 13, 1)} |${fmt(e.ratio, 16, 1)}`,
    );
  }
}
