import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const engine = resolve(__dirname, '..', '..', '..', 'lib', 'engine');
const interceptors = resolve(engine, '..', 'interceptors');
const read = (file: string, path: string) => {
  const text = readFileSync(path, 'utf8');
  // Comments may talk about processes and clocks; code may not use them.
  return { file, text, code: text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') };
};
const sources = (readdirSync(engine, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((file) => read(file, join(engine, file)));
// The engine runs workflow interceptors through these two, inside replay: they are held to the same rules.
const inReplay = ['chain.ts', 'workflow-call-chain.ts'].map((file) => read(`../interceptors/${file}`, join(interceptors, file)));

/** What replay must not depend on: the same history has to give the same decisions anywhere, any time. */
const forbidden: [RegExp, string][] = [
  [/\bDate\.now\b/, 'Date.now'],
  [/new Date\(\)/, 'new Date() without a timestamp'],
  [/\bMath\.random\b/, 'Math.random'],
  [/\bsetTimeout\b|\bsetInterval\b/, 'timers'],
  [/\bperformance\./, 'performance'],
  [/\bprocess\.(?!nextTick\b)/, 'process'],
  [/\bfetch\(|\brequire\(/, 'fetch/require'],
];

describe('lib/engine purity', () => {
  it('imports only its own files, metadata, SWF rules, errors, decorator types, SDK types and the workflow call chain (no DI container)', () => {
    for (const { file, text } of sources) {
      const up = file.includes('/') ? '../../' : '../';
      for (const match of text.matchAll(/^import (type )?.*? from '([^']+)';$/gms)) {
        const [, typeOnly, from] = match;
        const inside = from.startsWith('./') || (file.includes('/') && from.startsWith('../') && !from.startsWith('../../'));
        const allowed =
          inside ||
          // The async context that carries cancellation scopes through awaits: no I/O, no clock.
          (file === 'cancellation-scope.ts' && from === 'node:async_hooks') ||
          from === `${up}metadata` ||
          from === `${up}swf` ||
          from.startsWith(`${up}errors/`) ||
          from === `${up}interceptors/workflow-call-chain` ||
          (typeOnly !== undefined && from.startsWith(`${up}interceptors/`)) ||
          (typeOnly !== undefined && (from === '@aws-sdk/client-swf' || from.startsWith(`${up}decorators/`)));
        expect(allowed, `${file} imports ${typeOnly ? 'type ' : ''}${from}`).to.equal(true);
      }
    }
  });

  it('keeps the workflow call chain to its own folder, the errors and metadata types', () => {
    for (const { file, text } of inReplay) {
      for (const [, typeOnly, from] of text.matchAll(/^import (type )?.*? from '([^']+)';$/gms)) {
        const allowed =
          from.startsWith('./') || from.startsWith('../errors/') || (typeOnly !== undefined && from.startsWith('../metadata/'));
        expect(allowed, `${file} imports ${typeOnly ? 'type ' : ''}${from}`).to.equal(true);
      }
    }
  });

  it('reads no clock, randomness or environment, and schedules nothing but the quiescence barrier', () => {
    for (const { file, code } of [...sources, ...inReplay]) {
      for (const [pattern, what] of forbidden) expect(pattern.test(code), `${file} uses ${what}`).to.equal(false);
      // The barrier is a microtask that queues a nextTick, with a setImmediate turn now and then (quiescence.ts).
      if (file === 'quiescence.ts') continue;
      for (const primitive of ['setImmediate', 'queueMicrotask', 'process.nextTick'])
        expect(code.includes(primitive), `${file} uses ${primitive}`).to.equal(false);
    }
  });
});
