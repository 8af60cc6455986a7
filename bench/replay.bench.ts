import 'reflect-metadata';
import { WorkflowExecution, decide, type DecisionTaskInput } from '../engine';
import { Steps } from '../spec/fixtures/workflows';
import { sequentialHistory } from '../spec/helpers';
import { time, type Timing } from './bench-timing';

/**
 * DESIGN §6: parsing the history JSON is the floor of a decision's cost; a
 * full replay must stay a small multiple of it and grow linearly, and a kept
 * execution pays only for the new events.
 */

export interface ReplayRow {
  history: string;
  events: number;
  kb: number;
  steady: { parse: Timing; replay: Timing };
  gc: { parse: Timing; replay: Timing };
}

export interface KeptRow {
  events: number;
  fullReplayMs: number;
  keptMs: Timing;
  percentOfFull: number;
  newEvents: number;
  newEventBytes: number;
  fetchedEvents: number;
  fetchedBytes: number;
}

/** The decision task as SWF's JSON protocol sends it (epoch-second timestamps), with all pages merged. */
export function wireTask(targetEvents: number, batch: number): string {
  // DecisionTaskCompleted, then per call: scheduled, started, completed; then DecisionTaskScheduled/Started.
  const perTask = 1 + 3 * batch + 2;
  const steps = Math.floor((targetEvents - 3) / perTask) * batch;
  const task = sequentialHistory(steps, batch).task();
  return JSON.stringify(task, (key, value: unknown) => (key === 'eventTimestamp' ? Date.parse(value as string) / 1000 : value));
}

export const REPLAY_SIZES: { history: string; events: number; batch: number }[] = [
  { history: 'sequential', events: 1_000, batch: 1 },
  { history: 'sequential', events: 5_000, batch: 1 },
  { history: 'sequential', events: 10_000, batch: 1 },
  { history: 'sequential', events: 25_000, batch: 1 },
  { history: 'fan-out ×100', events: 10_000, batch: 100 },
];

const runsFor = (events: number): number => (events >= 10_000 ? 15 : events >= 5_000 ? 31 : 101);

export async function replayRow(size: (typeof REPLAY_SIZES)[number]): Promise<ReplayRow> {
  const text = wireTask(size.events, size.batch);
  const task = JSON.parse(text) as DecisionTaskInput;
  const runs = runsFor(size.events);
  for (let i = 0; i < 3; i++) await decide(Steps, task); // warm up the JIT on this shape
  // The same parsed task each time: decide() reads the history and changes nothing in it.
  const steady = { parse: await time(runs, () => JSON.parse(text)), replay: await time(runs, () => decide(Steps, task)) };
  const gcRuns = Math.max(7, Math.floor(runs / 3));
  const gc = { parse: await time(gcRuns, () => JSON.parse(text), true), replay: await time(gcRuns, () => decide(Steps, task), true) };
  return { history: size.history, events: task.events!.length, kb: Math.round(text.length / 1024), steady, gc };
}

/**
 * A kept execution at the previous task decides the last one from its new
 * events; what it fetches is what `startAtPreviousStartedEvent` returns:
 * the events from the previous DecisionTaskStarted on.
 */
export async function keptRow(events: number, fullReplayMs: number): Promise<KeptRow> {
  const text = wireTask(events, 1);
  const task = JSON.parse(text) as DecisionTaskInput;
  const previous = task.previousStartedEventId!;
  const earlier = { ...task, events: task.events!.slice(0, previous), startedEventId: previous, previousStartedEventId: undefined };
  const samples: Timing[] = [];
  for (let i = 0; i < 15; i++) {
    const kept = WorkflowExecution.start(Steps, { workflowId: task.workflowExecution!.workflowId!, runId: task.workflowExecution!.runId! });
    await kept.decide(earlier);
    samples.push(await time(1, () => kept.decide(task)));
  }
  const keptMs = { median: samples.map((s) => s.median).sort((a, b) => a - b)[7], min: Math.min(...samples.map((s) => s.min)) };
  const page = task.events!.slice(previous - 1);
  const fresh = task.events!.slice(previous);
  const bytes = (list: unknown[]) => Buffer.byteLength(JSON.stringify({ ...task, events: list, nextPageToken: undefined }));
  return {
    events: task.events!.length,
    fullReplayMs,
    keptMs,
    percentOfFull: (keptMs.median / fullReplayMs) * 100,
    newEvents: fresh.length,
    newEventBytes: Buffer.byteLength(JSON.stringify(fresh)),
    fetchedEvents: page.length,
    fetchedBytes: bytes(page),
  };
}
