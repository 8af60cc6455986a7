import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const engine = resolve(__dirname, '..', '..', '..', 'lib', 'engine');
const sources = (readdirSync(engine, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(engine, file), 'utf8') }))
  // Comments may talk about processes and clocks; code may not use them.
  .map(({ file, text }) => ({ file, text, code: text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') }));

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
  it('imports only its own files, metadata, SWF rules, errors, decorator types and SDK types (no DI container)', () => {
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
          (typeOnly !== undefined && (from === '@aws-sdk/client-swf' || from.startsWith(`${up}decorators/`)));
        expect(allowed, `${file} imports ${typeOnly ? 'type ' : ''}${from}`).to.equal(true);
      }
    }
  });

  it('reads no clock, randomness or environment, and schedules nothing but the quiescence barrier', () => {
    for (const { file, code } of sources) {
      for (const [pattern, what] of forbidden) expect(pattern.test(code), `${file} uses ${what}`).to.equal(false);
      // The barrier is a microtask that queues a nextTick, with a setImmediate turn now and then (quiescence.ts).
      if (file === 'quiescence.ts') continue;
      for (const primitive of ['setImmediate', 'queueMicrotask', 'process.nextTick'])
        expect(code.includes(primitive), `${file} uses ${primitive}`).to.equal(false);
    }
  });
});
