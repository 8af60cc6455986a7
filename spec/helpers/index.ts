export { comparable, decisionTypes } from './decisions';
export { pyflowTask, readFixture } from './fixtures';
export { HistoryBuilder, Raw, raw } from './history-builder';
export { sequentialHistory } from './sequential-history';
export type { BuilderOptions } from './history-builder';
