import { readFileSync } from 'node:fs';
import { CliUsageError } from './cli-usage.error';

/**
 * Reads `--input`: JSON text, or `@path` for a file holding it. Undefined
 * when not given. A bad value is a usage error naming the option and what failed.
 */
export function readJsonInput(value: string | undefined, option: string, commandName: string): unknown {
  if (value === undefined) return undefined;
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = readFileSync(value.slice(1), 'utf8');
    } catch (error) {
      throw new CliUsageError(
        `${commandName}: ${option} ${value}: cannot read ${value.slice(1)} (${(error as Error).message}).`,
        commandName,
      );
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = value.startsWith('@') ? `the file ${value.slice(1)}` : `"${clip(value)}"`;
    throw new CliUsageError(
      `${commandName}: ${option} must be JSON (or @file holding JSON); ${where} is not: ${(error as Error).message}. ` +
        `Quote strings twice: ${option} '"text"'.`,
      commandName,
    );
  }
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
