export { TsflowError } from './tsflow.error';
export { describeThrown } from './thrown-value';
export type { ThrownDescription } from './thrown-value';
