export { EXIT_FAILED, EXIT_USAGE, main } from './main';
export { createProgram } from './program';
export { CliUsageError } from './cli-usage.error';
export { processIo, type CliIo } from './cli-io';
