import type { SWFClient, SWFClientConfig } from '@aws-sdk/client-swf';
import type { DependencyContainer } from 'tsyringe';
import type { Provider } from '../decorators/worker-module.decorator';
import type { Logger } from '../logging/logger';
import type { InterceptorItem } from '../metadata/interceptor-metadata';
import type { MetricsOptions } from '../metrics/metrics-options';

/** A Lambda function run in-process by the embedded service: JSON in, JSON out. */
export type LocalLambdaFunction = (input: never) => unknown;

/** The embedded SWF-compatible service, for development, tests and samples. */
export interface LocalOptions {
  /** Lambda functions by name, run in-process when a workflow schedules them. */
  lambdas?: Record<string, LocalLambdaFunction>;
  /** Also serve SWF's HTTP protocol (and the dashboard) on this loopback port (0 picks a free one). */
  listen?: { port?: number; host?: string };
}

/** How `FlowFactory.create` runs an app: where (AWS, a dev server, embedded), which workers, and how they behave. */
export interface FlowOptions {
  /** The SWF domain; registered on start when `local` is set or `registerDomain` asks for it. */
  domain: string;
  /** The decision task list the decider polls and workflows start on by default. */
  taskList: string;
  /** The task list of activity types that name none (default: `taskList`). */
  activityTaskList?: string;
  /** Shown in SWF's history as the worker's identity (default: host name and process id). */
  identity?: string;
  /** AWS SWF: the SDK's own client configuration (region, credentials, endpoint…). */
  swf?: SWFClientConfig;
  /** AWS SWF or a dev server: an SWF client made elsewhere. */
  swfClient?: SWFClient;
  /** Run on an embedded SWF-compatible service instead of AWS. */
  local?: boolean | LocalOptions;
  /** Register the domain on start (implied with `local`); `retentionDays` defaults to 1. */
  registerDomain?: boolean | { retentionDays?: number };
  /** Which workers run (default both, when the module has anything for them); `false` makes a client-only app. */
  workers?: boolean | { decider?: boolean; activities?: boolean };
  /** Activity tasks run at once (default 10). */
  activityConcurrency?: number;
  /** Decision tasks handled at once (default 4). */
  deciderConcurrency?: number;
  /** Running executions the decider keeps between decision tasks (default 1000; 0 replays each task in full). */
  deciderCacheSize?: number;
  /** Estimated bytes the decider's kept executions may hold together (default 256 MiB); the least recently used go first. */
  deciderCacheBytes?: number;
  /** How the decider reads history pages: `json` (default, `JSON.parse` of the body) or `sdk` (the SDK's deserialiser). */
  deciderHistoryPages?: 'json' | 'sdk';
  /** Stop polling after this many seconds, finish in-flight work and resolve `app.closed`. */
  maxTime?: number;
  /** How long `close()` waits for in-flight tasks (default 30 s). */
  shutdownTimeoutMs?: number;
  /** Close gracefully on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
  /** See `DeciderWorkerOptions.onNondeterminism`. */
  onNondeterminism?: 'retry' | 'fail-workflow';
  /** See `DeciderWorkerOptions.onStuck`. */
  onStuck?: 'log' | 'fail-workflow';
  /** See `DeciderWorkerOptions.compareInputs`. */
  compareInputs?: boolean;
  /** Where tsflow logs (default: a `ConsoleLogger` on standard error). */
  logger?: Logger;
  /**
   * Registrations that replace the module's own, by token: a provider or an
   * activity class swapped for a fake in a test, e.g.
   * `[{ provide: Mailer, useValue: fakeMailer }, { provide: OrderActivities, useClass: FakeOrderActivities }]`.
   */
  overrides?: Provider[];
  /** Interceptors added to the module's (`@WorkerModule({ interceptors })`), outside them. */
  interceptors?: InterceptorItem[];
  /**
   * Worker metrics (prom-client): `port` serves them in Prometheus's text format at `/metrics` on loopback
   * (0 picks a free port); `onMetrics` is called with each observation; `registry` collects into yours.
   */
  metrics?: MetricsOptions;
  /** A parent container whose registrations the app's container inherits. */
  container?: DependencyContainer;
}
