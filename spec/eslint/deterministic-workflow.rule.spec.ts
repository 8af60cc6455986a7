import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { deterministicWorkflowRule } from '../../lib/eslint';

// RuleTester registers its own describe/it blocks with mocha.
const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { ecmaVersion: 2022, sourceType: 'module', experimentalDecorators: true },
  },
});

/** A workflow class around `body` (its run method's statements), after `preamble` (imports, module-level code). */
const workflow = (body: string, preamble = ''): string =>
  `${preamble}
import { Workflow, WorkflowContext } from 'tsflow';
@Workflow('W', '1')
export class W {
  constructor(private readonly flow: WorkflowContext) {}
  async run(input: number): Promise<unknown> {
    ${body}
  }
}`;

const error = (messageId: string, data?: Record<string, string>) => ({ messageId, ...(data ? { data } : {}) });

describe('tsflow/deterministic-workflow', () => {
  tester.run('deterministic-workflow', deterministicWorkflowRule, {
    valid: [
      { name: 'allows the context clock, timers and side effects', code: workflow('await this.flow.sleep(5); return this.flow.now();') },
      {
        name: 'allows nondeterminism inside sideEffect, where it is recorded',
        code: workflow('const id = await this.flow.sideEffect(() => crypto.randomUUID() + Math.random() + Date.now()); return id;'),
      },
      { name: 'allows new Date with an argument', code: workflow('return new Date(input).toISOString();') },
      {
        name: 'leaves classes that are not workflows alone',
        code: `import { readFileSync } from 'node:fs';
          export class Mailer { send() { return [Date.now(), Math.random(), fetch('http://x'), readFileSync('f')]; } }`,
      },
      {
        name: 'leaves helpers no workflow uses alone',
        code: workflow('return input;', 'export function stamp() { return Date.now(); }'),
      },
      {
        name: 'allows type-only imports of I/O modules',
        code: workflow('return input;', "import type { SWFClient } from '@aws-sdk/client-swf';"),
      },
      {
        name: 'allows specifier-level type imports',
        code: workflow('return input;', "import { type Stats } from 'node:fs';"),
      },
      {
        name: 'allows writing local variables and the instance',
        code: workflow('let n = 0; n++; const list: number[] = []; list.push(n); (this as any).count = n; return list;'),
      },
      { name: 'allows reading module-level constants', code: workflow('return LIMIT + input;', 'const LIMIT = 5;') },
      {
        name: 'does not mistake a local Date or Math for the global one',
        code: workflow('const Math = { random: () => 4 }; return Math.random();'),
      },
    ],
    invalid: [
      { name: 'flags Date.now()', code: workflow('return Date.now();'), errors: [error('clock', { what: 'Date.now()' })] },
      {
        name: 'flags new Date() without arguments',
        code: workflow('return new Date();'),
        errors: [error('clock', { what: 'new Date()' })],
      },
      { name: 'flags Date() called as a function', code: workflow('return Date();'), errors: [error('clock', { what: 'Date()' })] },
      {
        name: 'flags process.hrtime() and process.uptime()',
        code: workflow('return [process.hrtime(), process.uptime()];'),
        errors: [error('clock', { what: 'process.hrtime()' }), error('clock', { what: 'process.uptime()' })],
      },
      {
        name: 'flags performance.now()',
        code: workflow('return performance.now();'),
        errors: [error('clock', { what: 'performance.now()' })],
      },
      {
        name: 'flags performance.now() from perf_hooks',
        code: workflow('return performance.now();', "import { performance } from 'node:perf_hooks';"),
        errors: [error('clock')],
      },
      { name: 'flags Math.random()', code: workflow('return Math.random();'), errors: [error('random', { what: 'Math.random()' })] },
      {
        name: 'flags crypto.randomUUID() on the global crypto',
        code: workflow('return crypto.randomUUID();'),
        errors: [error('random', { what: 'crypto.randomUUID()' })],
      },
      {
        name: 'flags randomBytes imported from node:crypto',
        code: workflow('return randomBytes(8);', "import { randomBytes } from 'node:crypto';"),
        errors: [error('random', { what: 'randomBytes()' })],
      },
      {
        name: 'flags a crypto namespace import',
        code: workflow('return nodeCrypto.randomUUID();', "import * as nodeCrypto from 'crypto';"),
        errors: [error('random')],
      },
      {
        name: 'flags setTimeout, setInterval and setImmediate',
        code: workflow('setTimeout(() => 1, 5); setInterval(() => 1, 5); setImmediate(() => 1); return 1;'),
        errors: [
          error('timer', { what: 'setTimeout()' }),
          error('timer', { what: 'setInterval()' }),
          error('timer', { what: 'setImmediate()' }),
        ],
      },
      {
        name: 'flags setTimeout from node:timers/promises',
        code: workflow('await setTimeout(5); return 1;', "import { setTimeout } from 'node:timers/promises';"),
        errors: [error('timer')],
      },
      { name: 'flags fetch', code: workflow("return fetch('http://127.0.0.1');"), errors: [error('io', { what: 'fetch()' })] },
      ...['node:fs', 'fs/promises', 'node:http', 'https', 'node:net', 'node:child_process', '@aws-sdk/client-s3'].map((module) => ({
        name: `flags importing ${module} in a file that defines a workflow`,
        code: workflow('return input;', `import * as io from '${module}'; void io;`),
        errors: [error('ioImport', { module })],
      })),
      {
        name: 'flags require of an I/O module in a workflow file',
        code: workflow('return input;', "const fs = require('fs'); void fs;"),
        errors: [error('ioImport', { module: 'fs' })],
      },
      {
        name: 'flags a module-level counter written from run',
        code: workflow('counter++; counter = counter + 1; return counter;', 'let counter = 0;'),
        errors: [error('moduleState', { name: 'counter' }), error('moduleState', { name: 'counter' })],
      },
      {
        name: 'flags a module-level cache mutated from run',
        code: workflow(
          'cache.set(input, 1); seen.push(input); state.last = input; return 1;',
          'const cache = new Map(); const seen: number[] = []; const state = { last: 0 };',
        ),
        errors: [error('moduleState', { name: 'cache' }), error('moduleState', { name: 'seen' }), error('moduleState', { name: 'state' })],
      },
      {
        name: 'flags nondeterminism in a same-file function the workflow calls, transitively',
        code: workflow('return label(input);', 'function stamp() { return Date.now(); }\nconst label = (n: number) => `${n}@${stamp()}`;'),
        errors: [error('clock', { what: 'Date.now()' })],
      },
      {
        name: 'flags a helper passed as a callback',
        code: workflow('return [1, 2].map(jitter);', 'const jitter = (n: number) => n + Math.random();'),
        errors: [error('random')],
      },
      {
        name: 'flags other methods of the workflow class',
        code: `import { Workflow } from 'tsflow';
          @Workflow('W', '1') export class W { async run() { return this.pick(); } private pick() { return Math.random(); } }`,
        errors: [error('random')],
      },
    ],
  });
});
