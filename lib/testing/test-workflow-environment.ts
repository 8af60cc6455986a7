import type { Provider } from '../decorators/worker-module.decorator';
import { WorkflowClient } from '../client/workflow-client';
import { ConsoleLogger, type Logger } from '../logging/logger';
import type { Constructor } from '../metadata/records';
import { FlowFactory } from '../module/flow-factory';
import type { FlowApp } from '../module/flow-app';
import type { FlowOptions, LocalLambdaFunction } from '../module/flow-options';
import { InProcessLambdaInvoker } from '../local/lambda/in-process-lambda-invoker';
import type { InProcessLambdaFunction } from '../local/lambda/in-process-lambda-invoker';
import { LocalSwfService } from '../local/local-swf-service';
import { ManualClock } from '../local/manual-clock';
import { TimeSkipper } from '../local/time-skipper';
import { waitUntilIdle } from './wait-until-idle';

export interface TestEnvironmentOptions {
  /**
   * Registrations that replace the module's own, by token: providers and
   * activity classes, e.g. `[{ provide: Mailer, useValue: fakeMailer }]`.
   */
  overrides?: Provider[];
  /** The Lambda functions workflows call, by name (replace a real one with a fake here). */
  lambdas?: Record<string, LocalLambdaFunction>;
  /**
   * Jump the clock to the next timer or timeout whenever every worker is idle
   * (default true). With `false`, time moves only through {@link TestWorkflowEnvironment.sleep}.
   */
  timeSkipping?: boolean;
  /** Where the manual clock starts (default 2026-01-01T00:00:00Z). */
  startTime?: Date;
  /** Default `'spec'`. */
  domain?: string;
  /** Default `'spec'`. */
  taskList?: string;
  /** Default: warnings and errors to standard error. */
  logger?: Logger;
  /** Anything else `FlowFactory.create` takes (concurrency, cache size, `onNondeterminism`…). */
  flow?: Omit<FlowOptions, 'domain' | 'taskList' | 'local' | 'swf' | 'swfClient' | 'overrides' | 'logger'>;
}

/**
 * A whole application on an embedded SWF service with a manual clock, for
 * tests: real workers, real SDK serialisation, no network, and time that
 * skips ahead whenever every worker is idle and only timers or timeouts are
 * pending, so a week-long sleep finishes in milliseconds.
 *
 * @example
 * ```ts
 * const env = await TestWorkflowEnvironment.create(OrdersModule, {
 *   overrides: [{ provide: Mailer, useValue: fakeMailer }],
 *   lambdas: { string_upcase: (s: string) => s.toUpperCase() },
 * });
 * const run = await env.client.start(FulfilOrder, order);
 * expect(await run.result()).to.deep.include({ orderId: order.orderId });
 * await env.close();
 * ```
 */
export class TestWorkflowEnvironment {
  private constructor(
    /** The running application (its container, workers and client). */
    readonly app: FlowApp,
    /** The embedded service the app runs on. */
    readonly service: LocalSwfService,
    /** The service's clock: time moves only through skipping or {@link sleep}. */
    readonly clock: ManualClock,
    private readonly skipper: TimeSkipper | undefined,
  ) {}

  /** Starts the embedded service, the app's workers and (by default) time skipping. */
  static async create(module: Constructor, options: TestEnvironmentOptions = {}): Promise<TestWorkflowEnvironment> {
    const clock = new ManualClock(options.startTime?.getTime());
    const lambdas = new InProcessLambdaInvoker();
    for (const [name, fn] of Object.entries(options.lambdas ?? {})) lambdas.register(name, fn as InProcessLambdaFunction);
    const service = new LocalSwfService({ clock, lambdaInvoker: lambdas });
    let app: FlowApp;
    try {
      app = await FlowFactory.create(module, {
        handleSignals: false,
        // Replay in tests also compares each recorded call's input with the code's (a Math.random() input is caught).
        compareInputs: true,
        ...options.flow,
        domain: options.domain ?? 'spec',
        taskList: options.taskList ?? 'spec',
        swfClient: service.client(),
        registerDomain: options.flow?.registerDomain ?? true,
        overrides: options.overrides,
        logger: options.logger ?? new ConsoleLogger({ level: 'warn' }),
      });
    } catch (error) {
      await service.close();
      throw error;
    }
    const skipper = options.timeSkipping === false ? undefined : new TimeSkipper(service.backend, clock).start();
    return new TestWorkflowEnvironment(app, service, clock, skipper);
  }

  /** A client of the app's domain, as `app.get(WorkflowClient)`. */
  get client(): WorkflowClient {
    return this.app.get(WorkflowClient);
  }

  /** The environment's current time (workflow time, not the wall clock). */
  now(): Date {
    return new Date(this.clock.now());
  }

  /**
   * Moves time forward by `seconds`, letting the workers handle each timer
   * or timeout that falls due on the way before moving on: a workflow that
   * sleeps 10 s three times in a row has finished after `env.sleep(30)`.
   */
  async sleep(seconds: number): Promise<void> {
    if (!(seconds >= 0)) throw new RangeError(`TestWorkflowEnvironment.sleep: seconds must be 0 or more, got ${seconds}`);
    const target = this.clock.now() + seconds * 1000;
    this.skipper?.stop();
    try {
      for (;;) {
        await waitUntilIdle(this.service.backend);
        const next = this.clock.nextAt();
        if (next === undefined || next > target) break;
        await this.clock.advanceTo(next);
      }
      await this.clock.advanceTo(target);
      await waitUntilIdle(this.service.backend);
    } finally {
      this.skipper?.start();
    }
  }

  /** Stops the workers and the service; call it in `after`/`afterEach`. */
  async close(): Promise<void> {
    this.skipper?.stop();
    await this.app.close();
    await this.service.close();
  }
}
