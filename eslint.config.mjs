// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Event-loop scheduling: in lib/engine only quiescence.ts may wait for the microtask queue to drain. */
const SCHEDULING_GLOBALS = [
  { name: 'setImmediate', message: 'lib/engine: wait for quiescence with untilQuiescent() (quiescence.ts), nothing else.' },
  { name: 'queueMicrotask', message: 'lib/engine: wait for quiescence with untilQuiescent() (quiescence.ts), nothing else.' },
  {
    name: 'process',
    message: 'lib/engine is pure: no process state; untilQuiescent() (quiescence.ts) is the one use of process.nextTick.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'docs/api/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    // Constructor parameter types are runtime values under emitDecoratorMetadata (tsyringe injects by them),
    // so imports used only there must stay value imports.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // The replay engine is pure (DESIGN.md §2): no I/O layers, and only the SDK's types.
    files: ['lib/engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/workers',
                '**/workers/**',
                '**/client',
                '**/client/**',
                '**/local',
                '**/local/**',
                '**/module',
                '**/module/**',
                '**/cli',
                '**/cli/**',
              ],
              message: 'lib/engine is pure: it must not import the I/O layers.',
            },
            {
              group: ['tsyringe'],
              message: 'lib/engine builds workflows through the WorkflowFactory the workers pass in, not a DI container.',
            },
            { group: ['@aws-sdk/*'], allowTypeImports: true, message: "lib/engine may use the AWS SDK's types only (import type)." },
            {
              group: ['node:*', 'fs', 'http', 'https', 'net', 'dgram', 'child_process', 'timers', 'crypto'],
              message: 'lib/engine is pure: no Node I/O, timers or randomness.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'lib/engine is pure: time comes from history.' },
        { name: 'setInterval', message: 'lib/engine is pure: time comes from history.' },
        { name: 'fetch', message: 'lib/engine is pure: no network.' },
        ...SCHEDULING_GLOBALS,
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'lib/engine is pure: use the activation time from history.' },
        { object: 'Math', property: 'random', message: 'lib/engine is pure: no randomness.' },
      ],
    },
  },
  {
    // Cancellation scopes ride an AsyncLocalStorage through the workflow's awaits: no I/O, no clock.
    files: ['lib/engine/cancellation-scope.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // The one home of the engine's scheduling: a microtask that queues a nextTick, and now and then a
    // setImmediate turn (quiescence.ts explains why). Nothing else of `process` and no timers.
    files: ['lib/engine/quiescence.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'lib/engine is pure: time comes from history.' },
        { name: 'setInterval', message: 'lib/engine is pure: time comes from history.' },
        { name: 'fetch', message: 'lib/engine is pure: no network.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector: "MemberExpression[object.name='process'][property.name!='nextTick']",
          message: 'quiescence.ts may use process.nextTick and nothing else of process.',
        },
        { selector: "Identifier[name='process']:not(MemberExpression > Identifier.object)", message: 'Use process.nextTick only.' },
      ],
    },
  },
  {
    // An app on AWS never loads the embedded service: outside lib/local and the CLI it is reached only
    // through a dynamic import() (lib/module/connect.ts), or as types. spec/module/connect.spec.ts checks it at run time.
    files: ['lib/**/*.ts'],
    ignores: ['lib/engine/**', 'lib/local/**', 'lib/cli/**', 'lib/testing/**', 'lib/module/local-connection.ts'], // lib/engine has its own, stricter rule
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/local', '**/local/**'],
              allowTypeImports: true,
              message: 'Load lib/local only in local mode: import() it, or import its types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['spec/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
