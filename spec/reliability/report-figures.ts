import { appendFileSync } from 'node:fs';

/**
 * Prints a reliability spec's figures on one line, and appends them to the
 * file named by TSFLOW_FIGURES when set, so RELIABILITY.md can quote the last run.
 */
export function reportFigures(spec: string, figures: Record<string, number | string>): void {
  const text = Object.entries(figures)
    .map(([key, value]) => `${key}=${typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(1) : value}`)
    .join(' ');
  process.stdout.write(`      figures (${spec}): ${text}\n`);
  if (process.env.TSFLOW_FIGURES) appendFileSync(process.env.TSFLOW_FIGURES, `${new Date().toISOString()} ${spec}: ${text}\n`);
}
