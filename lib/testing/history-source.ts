import { readFileSync } from 'node:fs';
import type { HistoryEventInput } from '../engine/history.types';
import type { RecordedHistory } from '../engine/replay-history';
import { TsflowError } from '../errors/tsflow.error';

/**
 * A history to replay: a path to a JSON file, the parsed JSON of
 * `aws swf get-workflow-execution-history` (`{ events: [...] }`), or the
 * events themselves (`await handle.history()`).
 */
export type HistorySource = string | RecordedHistory;

/** A history that cannot be read as one: names the file (or position) and what is wrong. */
export class HistorySourceError extends TsflowError {}

/** The events of `source`, and how to name it in results and messages. */
export function loadHistory(source: HistorySource, index: number): { label: string; events: readonly HistoryEventInput[] } {
  if (typeof source === 'string') return { label: source, events: eventsOf(readJson(source), source) };
  return { label: `histories[${index}]`, events: eventsOf(source, `histories[${index}]`) };
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new HistorySourceError(`Cannot read history file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HistorySourceError(
      `History file ${path} is not JSON (${(error as Error).message}); save it with ` +
        '`aws swf get-workflow-execution-history … > file.json` or `tsflow history <workflowId> --json > file.json`.',
    );
  }
}

function eventsOf(value: unknown, label: string): readonly HistoryEventInput[] {
  const events = Array.isArray(value) ? value : (value as { events?: unknown } | null)?.events;
  if (!Array.isArray(events) || events.length === 0) {
    throw new HistorySourceError(`${label} holds no history events: expected an array of events or an object with an "events" array.`);
  }
  const bad = events.findIndex((e) => typeof e !== 'object' || e === null || typeof (e as { eventType?: unknown }).eventType !== 'string');
  if (bad >= 0) throw new HistorySourceError(`${label}: events[${bad}] is not a history event (it has no "eventType").`);
  return events as HistoryEventInput[];
}
