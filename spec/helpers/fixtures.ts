import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DecisionTaskInput } from '../../engine';

/** The repository root, from the compiled spec (dist/spec/helpers). */
const root = resolve(__dirname, '..', '..', '..');

export function readFixture<T = unknown>(...path: string[]): T {
  return JSON.parse(readFileSync(join(root, 'spec', 'fixtures', 'histories', ...path), 'utf8')) as T;
}

/** A recorded pyflow decision task (SWF's JSON wire shape: epoch-second timestamps). */
export function pyflowTask(name: string): DecisionTaskInput {
  return readFixture<DecisionTaskInput>('pyflow', `${name}.json`);
}
