/**
 * `tsflow/local`: the embedded SWF-compatible service, its clocks and its
 * Lambda invokers, for development, tests and the dev server. An app that runs
 * on AWS never loads it.
 *
 * @example
 * ```ts
 * import { LocalSwfService, ManualClock } from 'tsflow/local';
 *
 * const service = new LocalSwfService({ clock: new ManualClock() });
 * const swf = service.client(); // an SWFClient answered in memory
 * ```
 *
 * @module tsflow/local
 */
export {
  AwsLambdaInvoker,
  InProcessLambdaInvoker,
  LocalSwfService,
  ManualClock,
  StateFileError,
  SwfFault,
  SystemClock,
  TimeSkipper,
  UnknownLambdaFunctionError,
} from './lib/local';
export type {
  AccessKey,
  AwsLambdaInvokerOptions,
  Clock,
  ClockTimer,
  InProcessLambdaFunction,
  LambdaInvocation,
  LambdaInvoker,
  LambdaResult,
  ListenOptions,
  ListeningServer,
  LocalSwfBackendOptions,
  LocalSwfServiceOptions,
  PermissionPolicy,
  PermissionRequest,
  ScheduleOptions,
  TimeSkipperOptions,
  ZeroRetention,
} from './lib/local';
export type { ServiceIdentity } from './lib/local/service/service-context';
