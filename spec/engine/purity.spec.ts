import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const engine = resolve(__dirname, '..', '..', '..', 'lib', 'engine');
const interceptors = resolve(engine, '..', 'interceptors');
// The engine runs workflow interceptors through these two, inside replay: they are held to the same rules.
const inReplay = ['chain.ts', 'workflow-call-chain.ts'].map((file) => ({
  file: `../interceptors/${file}`,
  path: join(interceptors, file),
}));
const sources = readdirSync(engine)
  .filter((f) => f.endsWith('.ts'))
  .map((file) => ({ file, path: join(engine, file) }))
  .concat(inReplay)
  .map(({ file, path }) => ({ file, text: readFileSync(path, 'utf8') }))
  // Comments may talk about processes and clocks; code may not use them.
  .map(({ file, text }) => ({ file, text, code: text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') }));

/** What replay must not depend on: the same history has to give the same decisions anywhere, any time. */
const forbidden: [RegExp, string][] = [
  [/\bDate\.now\b/, 'Date.now'],
  [/new Date\(\)/, 'new Date() without a timestamp'],
  [/\bMath\.random\b/, 'Math.random'],
  [/\bsetTimeout\b|\bsetInterval\b/, 'timers'],
  [/\bperformance\./, 'performance'],
  [/\bprocess\./, 'process'],
  [/\bfetch\(|\brequire\(/, 'fetch/require'],
];

describe('lib/engine purity', () => {
  it('imports only metadata, errors, decorator types, tsyringe, SDK types and the workflow call chain', () => {
    for (const { file, text } of sources) {
      for (const match of text.matchAll(/^import (type )?.*? from '([^']+)';$/gms)) {
        const [, typeOnly, from] = match;
        const allowed =
          from.startsWith('./') ||
          from === '../metadata' ||
          from === '../swf' ||
          from.startsWith('../errors/') ||
          from === 'tsyringe' ||
          from === '../interceptors/workflow-call-chain' ||
          (typeOnly !== undefined && (from.startsWith('../interceptors/') || from === '../metadata/workflow-definition')) ||
          (typeOnly !== undefined && (from === '@aws-sdk/client-swf' || from.startsWith('../decorators/')));
        expect(allowed, `${file} imports ${typeOnly ? 'type ' : ''}${from}`).to.equal(true);
      }
    }
  });

  it('reads no clock, randomness or environment, and schedules nothing but the quiescence barrier', () => {
    for (const { file, code } of sources) {
      for (const [pattern, what] of forbidden) expect(pattern.test(code), `${file} uses ${what}`).to.equal(false);
      if (file !== 'quiescence.ts') expect(/\bsetImmediate\b/.test(code), `${file} uses setImmediate`).to.equal(false);
    }
  });
});
