export { FlowApp } from './flow-app';
export { FlowFactory } from './flow-factory';
export type { FlowOptions, LocalLambdaFunction, LocalOptions } from './flow-options';
export type { OnModuleDestroy, OnModuleInit } from './lifecycle';
export { LOGGER } from './logger-token';
export { scanModule } from './module-scanner';
export { registerProvider } from './register-provider';
export { WiringError } from './wiring.error';
