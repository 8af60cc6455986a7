import { assertReflectMetadata } from './lib/reflect-check';

assertReflectMetadata();

// tsflow/testing: run a module on an embedded service with time skipping, and replay recorded histories.
export { HistorySourceError, ReplayAssertionError, TestWorkflowEnvironment, assertReplays, replayHistories } from './lib/testing';
export type { HistorySource, ReplayResult, TestEnvironmentOptions } from './lib/testing';
