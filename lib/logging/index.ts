export { ConsoleLogger, withFields } from './logger';
export type { ConsoleLoggerOptions, LogFields, LogLevel, Logger } from './logger';
