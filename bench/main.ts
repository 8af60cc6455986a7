import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { canCollectGarbage, fmt } from './bench-timing';
import { runInChild, type EndToEndFigures, type EndToEndSpec } from './end-to-end.bench';
import { historyReadRow, HISTORY_READ_SIZES, type HistoryReadRow } from './history-read.bench';
import { memoryFigures } from './memory.bench';
import { peerFigures, printPeerFigures } from './peers.bench';
import { keptRow, replayRow, REPLAY_SIZES, type KeptRow, type ReplayRow } from './replay.bench';

/** Runs of each end-to-end figure; the figure is their median (a fresh process each, so peak RSS is its own). */
const E2E_RUNS = Number(process.env.BENCH_E2E_RUNS ?? 3);
/** Runs of the pair whose ratio is a target (HTTP ÷ in-process): each round runs one of each, back to back. */
const PAIR_RUNS = Math.max(E2E_RUNS, 5);

const TARGETS = {
  replayGcRatio25k: 1.5,
  replaySteadyRatio25k: 1.2,
  growth: 1.2,
  keptFetchedBytesRatio: 2,
  keptPercentOfFull10k: 1,
  inProcessDecisionsPerSecond: 300,
  httpSlowdown: 1.5,
  heapPerKeptKb: 200,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function medianOf(all: EndToEndFigures[]): EndToEndFigures & { runs: number } {
  const keys = Object.keys(all[0]) as (keyof EndToEndFigures)[];
  return { ...(Object.fromEntries(keys.map((k) => [k, median(all.map((f) => f[k]))])) as unknown as EndToEndFigures), runs: all.length };
}

const check = (ok: boolean): string => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const began = Date.now();
  if (!canCollectGarbage) console.log('(node runs without --expose-gc: the "GC before each sample" columns equal steady state)');
  console.log(
    `tsflow benchmarks: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB\n`,
  );

  // 1. Full replay against JSON.parse of the same text.
  const replay: ReplayRow[] = [];
  for (const size of REPLAY_SIZES) replay.push(await replayRow(size));
  console.log('1. Full replay (median ms; ratio = replay ÷ JSON.parse of the same history text)');
  console.log('   history         events     KB |  parse  replay  ratio | with a full GC before each sample: parse  replay  ratio');
  for (const r of replay) {
    console.log(
      `   ${r.history.padEnd(14)} ${String(r.events).padStart(7)} ${String(r.kb).padStart(6)} |${fmt(r.steady.parse.median, 7)}${fmt(r.steady.replay.median, 8)}${fmt(r.steady.replay.median / r.steady.parse.median, 7)} |` +
        `${fmt(r.gc.parse.median, 40)}${fmt(r.gc.replay.median, 8)}${fmt(r.gc.replay.median / r.gc.parse.median, 7)}`,
    );
  }
  const seq = replay.filter((r) => r.history === 'sequential');
  const [k1, k25] = [seq[0], seq.at(-1)!];
  const perEvent = (r: ReplayRow, which: 'steady' | 'gc') => r[which].replay.median / r.events;
  const growth = { steady: perEvent(k25, 'steady') / perEvent(k1, 'steady'), gc: perEvent(k25, 'gc') / perEvent(k1, 'gc') };
  const ratio25k = { steady: k25.steady.replay.median / k25.steady.parse.median, gc: k25.gc.replay.median / k25.gc.parse.median };
  console.log(
    `   growth (µs per event at 25k ÷ at 1k): steady ${growth.steady.toFixed(2)}, with GC ${growth.gc.toFixed(2)} (target ≤ ${TARGETS.growth}: ${check(Math.max(growth.steady, growth.gc) <= TARGETS.growth)})`,
  );
  console.log(
    `   25k ratio: steady ${ratio25k.steady.toFixed(2)} (target ≤ ${TARGETS.replaySteadyRatio25k}: ${check(ratio25k.steady <= TARGETS.replaySteadyRatio25k)}), ` +
      `with GC ${ratio25k.gc.toFixed(2)} (target ≤ ${TARGETS.replayGcRatio25k}: ${check(ratio25k.gc <= TARGETS.replayGcRatio25k)})\n`,
  );

  // 2. A kept execution's decision.
  const kept: KeptRow[] = [];
  for (const events of [10_000, 25_000]) kept.push(await keptRow(events, seq.find((r) => r.events >= events - 10)!.steady.replay.median));
  console.log("2. A kept execution's decision (engine ms, % of a full replay; what startAtPreviousStartedEvent fetches)");
  console.log('    events  kept ms  % of full | new events  new bytes | fetched events  fetched bytes  ratio');
  for (const k of kept) {
    console.log(
      `   ${String(k.events).padStart(7)}${fmt(k.keptMs.median, 9, 3)}${fmt(k.percentOfFull, 11, 3)} |${String(k.newEvents).padStart(11)}${String(k.newEventBytes).padStart(11)} |` +
        `${String(k.fetchedEvents).padStart(15)}${String(k.fetchedBytes).padStart(15)}${fmt(k.fetchedBytes / k.newEventBytes, 7)}`,
    );
  }
  const k10 = kept[0];
  console.log(
    `   targets: fetched ≤ ${TARGETS.keptFetchedBytesRatio}× new bytes: ${check(kept.every((k) => k.fetchedBytes / k.newEventBytes <= TARGETS.keptFetchedBytesRatio))}; ` +
      `engine ≤ ${TARGETS.keptPercentOfFull10k}% of full replay at 10k: ${check(k10.percentOfFull <= TARGETS.keptPercentOfFull10k)}\n`,
  );

  // 2b. A whole history read (a miss): the JSON page reader against the SDK's.
  const reads: HistoryReadRow[] = [];
  for (const events of HISTORY_READ_SIZES) reads.push(await historyReadRow(events));
  console.log(
    '2b. A whole history read on a miss (median ms through SWFClient + DecisionHistory, pages of 1,000 events from prepared bodies)',
  );
  console.log('    events  pages     KB | JSON.parse  JSON reader  SDK reader | SDK ÷ JSON reader  JSON reader ÷ parse');
  for (const r of reads) {
    console.log(
      `   ${String(r.events).padStart(7)}${String(r.pages).padStart(7)}${String(r.kb).padStart(7)} |${fmt(r.parse.median, 11)}${fmt(r.json.median, 13)}${fmt(r.sdk.median, 12)} |` +
        `${fmt(r.sdk.median / r.json.median, 18)}${fmt(r.json.median / r.parse.median, 21)}`,
    );
  }
  console.log('');

  // 3. End to end on the embedded service.
  const e2eSpecs: { label: string; spec: EndToEndSpec; runs?: number }[] = [
    // The HTTP ÷ in-process pair runs more rounds: its ratio is a target, and the machine's load drifts.
    {
      label: '1,000 sequential activities',
      spec: { scenario: 'sequential-activities', transport: 'in-process', workflows: 1, steps: 1000 },
      runs: PAIR_RUNS,
    },
    {
      label: '1,000 sequential activities',
      spec: { scenario: 'sequential-activities', transport: 'HTTP', workflows: 1, steps: 1000 },
      runs: PAIR_RUNS,
    },
    {
      label: '170 sequential activities (1,020 events)',
      spec: { scenario: 'sequential-activities', transport: 'in-process', workflows: 1, steps: 170 },
    },
    {
      label: '1,700 sequential activities (10,200 events)',
      spec: { scenario: 'sequential-activities', transport: 'in-process', workflows: 1, steps: 1700 },
    },
    {
      label: '200 workflows × 10 activities',
      spec: { scenario: 'concurrent-workflows', transport: 'in-process', workflows: 200, steps: 10 },
    },
    { label: '200 workflows × 10 activities', spec: { scenario: 'concurrent-workflows', transport: 'HTTP', workflows: 200, steps: 10 } },
    { label: '1,000 sequential Lambdas', spec: { scenario: 'sequential-lambdas', transport: 'in-process', workflows: 1, steps: 1000 } },
    { label: '1,000 sequential Lambdas', spec: { scenario: 'sequential-lambdas', transport: 'HTTP', workflows: 1, steps: 1000 } },
    // Comparisons: the SDK's page reader instead of JSON.parse; one run each: no cache, and decider concurrency.
    {
      label: '1,000 seq. activities, SDK page reader',
      spec: { scenario: 'sequential-activities', transport: 'in-process', workflows: 1, steps: 1000, historyPages: 'sdk' },
    },
    {
      label: '300 seq. activities, no cache (full replay)',
      spec: { scenario: 'sequential-activities', transport: 'in-process', workflows: 1, steps: 300, cacheSize: 0 },
      runs: 1,
    },
    ...[1, 2, 8].map((concurrency) => ({
      label: `200 × 10, decider concurrency ${concurrency}`,
      spec: { scenario: 'concurrent-workflows', transport: 'in-process', workflows: 200, steps: 10, concurrency } as EndToEndSpec,
      runs: 1,
    })),
  ];
  console.log(`3. End to end on the embedded service (median of ${E2E_RUNS} runs unless marked ¹)`);
  console.log(
    '   workload                                  transport     wall ms  decisions/s  calls/s  ms/decision  events/decision  bytes/decision  calls/decision  peak RSS MB',
  );
  // In rounds, every workload once per round, so that each comparison (HTTP ÷ in-process, SDK reader ÷ JSON.parse,
  // concurrency) is measured over the same stretch of time on a machine whose load may change.
  const samples: EndToEndFigures[][] = e2eSpecs.map(() => []);
  const rounds = Math.max(...e2eSpecs.map((s) => s.runs ?? E2E_RUNS));
  for (let round = 0; round < rounds; round++) {
    e2eSpecs.forEach(({ spec, runs }, i) => {
      if (round < (runs ?? E2E_RUNS)) samples[i].push(runInChild(spec));
    });
  }
  const e2e = e2eSpecs.map(({ label, spec }, i) => ({ label, spec, figures: medianOf(samples[i]) }));
  for (const { label, spec, figures: f } of e2e) {
    console.log(
      `   ${(label + (f.runs === 1 ? ' ¹' : '')).padEnd(42)} ${spec.transport.padEnd(11)}${fmt(f.wallMs, 10, 0)}${fmt(f.decisionsPerSecond, 13, 0)}${fmt(f.callsPerSecond, 9, 0)}` +
        `${fmt(f.msPerDecision, 13)}${fmt(f.eventsFetchedPerDecision, 17, 1)}${fmt(f.bytesFetchedPerDecision, 16, 0)}${fmt(f.apiCallsPerDecision, 16)}${fmt(f.peakRssMb, 13, 0)}`,
    );
  }
  const find = (scenario: string, transport: string, steps?: number) =>
    e2e.find(
      (e) =>
        e.spec.scenario === scenario &&
        e.spec.transport === transport &&
        (steps === undefined || e.spec.steps === steps) &&
        !e.spec.historyPages &&
        e.spec.concurrency === undefined &&
        e.spec.cacheSize === undefined,
    )!.figures;
  const seqIn = find('sequential-activities', 'in-process', 1000);
  const seq170 = find('sequential-activities', 'in-process', 170);
  const seq1700 = find('sequential-activities', 'in-process', 1700);
  // Paired: the HTTP run of each round against the in-process run just before it, then the median of those ratios,
  // so a change of the machine's load between rounds does not enter the ratio.
  const pair = (transport: string) =>
    samples[
      e2eSpecs.findIndex((s) => s.spec.scenario === 'sequential-activities' && s.spec.transport === transport && s.spec.steps === 1000)
    ];
  const [pairIn, pairHttp] = [pair('in-process'), pair('HTTP')];
  const roundRatios = pairHttp.map((h, i) => h.msPerDecision / pairIn[i].msPerDecision);
  const httpSlowdown = median(roundRatios);
  const flat = seq1700.msPerDecision / seq170.msPerDecision;
  console.log(
    `   targets: ≥ ${TARGETS.inProcessDecisionsPerSecond} decisions/s in-process: ${check(seqIn.decisionsPerSecond >= TARGETS.inProcessDecisionsPerSecond)} (${seqIn.decisionsPerSecond.toFixed(0)}); ` +
      `HTTP ÷ in-process ${httpSlowdown.toFixed(2)}× (median of ${roundRatios.length} paired rounds: ${roundRatios.map((r) => r.toFixed(2)).join(', ')}; ≤ ${TARGETS.httpSlowdown}: ${check(httpSlowdown <= TARGETS.httpSlowdown)}); ` +
      `ms/decision at 1,000 steps ÷ at 170: ${(seqIn.msPerDecision / seq170.msPerDecision).toFixed(2)}, ` +
      `at 10,200 events ÷ at 1,020: ${flat.toFixed(2)} (≤ 1: ${check(flat <= 1)})\n`,
  );

  const sdkReader = e2e.find((e) => e.spec.historyPages === 'sdk')!.figures;
  const sdkOverJson = sdkReader.msPerDecision / seqIn.msPerDecision;
  console.log(`   SDK page reader ÷ JSON.parse reader, ms per decision (1,000 sequential activities): ${sdkOverJson.toFixed(2)}\n`);

  // 4. Memory.
  const memory = await memoryFigures();
  console.log('4. Memory');
  console.log(
    `   heap per kept ${memory.historyEvents}-event execution: ${memory.heapPerKeptKb.toFixed(0)} KB (target ≤ ${TARGETS.heapPerKeptKb}: ${check(memory.heapPerKeptKb <= TARGETS.heapPerKeptKb)}); ` +
      `the cache's estimate for it: ${memory.estimatePerKeptKb.toFixed(0)} KB`,
  );
  const c = memory.cache;
  console.log(
    `   ${c.executions} executions through a cache of ${c.capacity} / ${c.budgetMb} MB: holds ${c.size} (${c.heldMb.toFixed(1)} MB estimated), ${c.evictions} evicted, heap grew ${c.heapGrowthMb.toFixed(1)} MB`,
  );

  // 5. Beside the peers: pyflow's decider on group 1's sequential histories (skipped without PYFLOW_HOME).
  const peers = await peerFigures(replay);
  printPeerFigures(peers);

  const seconds = (Date.now() - began) / 1000;
  console.log(`\nbenchmarks took ${seconds.toFixed(0)} s`);
  const results = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), platform: process.platform },
    node: process.version,
    date: new Date().toISOString(),
    durationSeconds: seconds,
    targets: TARGETS,
    replay,
    growth,
    ratio25k,
    kept,
    historyReads: reads,
    endToEnd: e2e,
    httpSlowdown,
    httpSlowdownRounds: roundRatios,
    sdkReaderOverJson: sdkOverJson,
    perDecisionCost10kOver1kEvents: flat,
    memory,
    peers,
  };
  writeFileSync(join(__dirname, '..', '..', 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('wrote bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
