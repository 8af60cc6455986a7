import 'reflect-metadata';
import { WorkflowExecution, decide, type DecisionTaskInput } from '../engine';
import { Steps } from '../spec/fixtures/workflows';
import { sequentialHistory } from '../spec/helpers';

/**
 * DESIGN §6: parsing the history JSON is the floor of a decision's cost; a
 * full replay must stay a small multiple of it and grow linearly, and a kept
 * execution pays only for the new events. Prints the figures; asserts nothing.
 */

interface Row {
  events: number;
  kb: number;
  parse: Timing;
  replay: Timing;
  kept: Timing;
}

const SIZES = [1_000, 10_000, 25_000];
const BATCH = 5; // calls in parallel per decision task

interface Timing {
  median: number;
  min: number;
}

function summary(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

/** Medians include the garbage collection each run causes (it is part of the cost); minimums show the run without it. */
async function time(runs: number, fn: () => unknown): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summary(samples);
}

/** The decision task as SWF's JSON protocol sends it (epoch-second timestamps), with all pages merged. */
function wireTask(targetEvents: number): string {
  // DecisionTaskCompleted, then per call: scheduled, started, completed; then DecisionTaskScheduled/Started.
  const perTask = 1 + 3 * BATCH + 2;
  const steps = Math.floor((targetEvents - 3) / perTask) * BATCH;
  const task = sequentialHistory(steps, BATCH).task();
  return JSON.stringify(task, (key, value: unknown) => (key === 'eventTimestamp' ? Date.parse(value as string) / 1000 : value));
}

async function measure(target: number): Promise<Row> {
  const text = wireTask(target);
  const task = JSON.parse(text) as DecisionTaskInput;
  const runs = target >= 10_000 ? 25 : 101;
  for (let i = 0; i < 3; i++) await decide(Steps, task); // warm up the JIT on this shape
  const parse = await time(runs, () => JSON.parse(text));
  // The same parsed task each time: decide() reads the history and changes nothing in it.
  const replay = await time(runs, () => decide(Steps, task));
  // A kept execution already at the previous task decides the last one from its new events only.
  const previous = task.previousStartedEventId!;
  const earlier = { ...task, events: task.events!.slice(0, previous), startedEventId: previous, previousStartedEventId: undefined };
  const keptSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const kept = WorkflowExecution.start(Steps, { workflowId: task.workflowExecution!.workflowId!, runId: task.workflowExecution!.runId! });
    await kept.decide(earlier);
    keptSamples.push((await time(1, () => kept.decide(task))).median);
  }
  return { events: task.events!.length, kb: Math.round(text.length / 1024), parse, replay, kept: summary(keptSamples) };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(await measure(size));
  const fmt = (n: number, width = 10, digits = 2) => n.toFixed(digits).padStart(width);
  console.log(`tsflow replay benchmark (node ${process.version}; a workflow calling ${BATCH} Lambdas in parallel per decision task)`);
  console.log('median (min) in ms over repeated runs; replay = a full decide() of the parsed task\n');
  console.log('   events   JSON KB        parse (min)       replay (min)   replay/parse   kept (min)   replay µs/event');
  for (const r of rows) {
    console.log(
      `${String(r.events).padStart(9)} ${String(r.kb).padStart(9)} ${fmt(r.parse.median)} (${fmt(r.parse.min, 6)}) ${fmt(r.replay.median)} (${fmt(r.replay.min, 6)})` +
        `${fmt(r.replay.median / r.parse.median, 14, 1)} ${fmt(r.kept.median, 8, 3)} (${fmt(r.kept.min, 5, 3)}) ${fmt((r.replay.median * 1000) / r.events, 17)}`,
    );
  }
  const [small, , large] = rows;
  console.log(
    `\ngrowth 1k -> 25k: x${(large.events / small.events).toFixed(1)} events, x${(large.parse.median / small.parse.median).toFixed(1)} parse time, ` +
      `x${(large.replay.median / small.replay.median).toFixed(1)} replay time (min: x${(large.replay.min / small.replay.min).toFixed(1)})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
