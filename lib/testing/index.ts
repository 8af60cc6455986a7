export { TestWorkflowEnvironment, type TestEnvironmentOptions } from './test-workflow-environment';
export { ReplayAssertionError, assertReplays, replayHistories, type ReplayResult } from './replay-histories';
export { HistorySourceError, type HistorySource } from './history-source';
export { waitUntilIdle } from './wait-until-idle';
