/** Median and minimum of repeated samples, in milliseconds. */
export interface Timing {
  median: number;
  min: number;
}

export function summary(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Full garbage collection, when node runs with --expose-gc (npm run bench does). */
export function collectGarbage(): void {
  gc?.();
}

export const canCollectGarbage = gc !== undefined;

/** Times `fn` `runs` times; with `gcFirst`, a full collection runs (untimed) before each sample. */
export async function time(runs: number, fn: () => unknown, gcFirst = false): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (gcFirst) collectGarbage();
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summary(samples);
}

export const fmt = (n: number, width = 9, digits = 2): string => n.toFixed(digits).padStart(width);
