export { main } from './main';
export { runDevServer, parseDevServerArgs, type DevServerArgs } from './dev-server.command';
export { CliUsageError } from './cli-usage.error';
