import type { HistoryEvent, SWFClient } from '@aws-sdk/client-swf';
import { setTimeout as delay } from 'node:timers/promises';
import { FlowFactory, WorkflowClient, type FlowApp } from '../../../index';
import { ManualClock, TimeSkipper, type LocalSwfServiceOptions } from '../../../lib/local';
import type { Constructor } from '../../../lib/metadata';
import type { LocalTransport, TransportKind } from '../../helpers/local-transports';
import { RecordingLogger } from '../../helpers/quiet-logger';

/**
 * An application of real workers (`FlowFactory`: decider and activity worker) on the embedded
 * service, over one transport, on a manual clock: time stands still unless a spec lets it skip.
 */
export interface E2eEnv {
  local: LocalTransport;
  clock: ManualClock;
  app: FlowApp;
  client: WorkflowClient;
  logger: RecordingLogger;
  /** The client the workers use; specs may add SDK middleware to it. */
  swf: SWFClient;
  /** Runs `body` with a `TimeSkipper`: whenever the service is idle, the clock jumps to the next timer or timeout. */
  skippingTime<T>(body: () => Promise<T>): Promise<T>;
  /** Starts another app on the same service (e.g. a decider with newer code); closed with the env. */
  startApp(module: Constructor, options?: { workers?: { decider?: boolean; activities?: boolean } }): Promise<FlowApp>;
  close(): Promise<void>;
}

export async function startE2e(
  transport: TransportKind,
  module: Constructor,
  domain: string,
  service: Omit<LocalSwfServiceOptions, 'clock'> = {},
): Promise<E2eEnv> {
  const clock = new ManualClock();
  const local = await transport.start({ ...service, clock });
  const swf = local.client();
  const logger = new RecordingLogger();
  const apps: FlowApp[] = [];
  const startApp: E2eEnv['startApp'] = async (appModule, options = {}) => {
    const app = await FlowFactory.create(appModule, {
      domain,
      taskList: `${domain}-decider`,
      swfClient: apps.length === 0 ? swf : local.client(),
      registerDomain: true,
      logger,
      handleSignals: false,
      ...options,
    });
    apps.push(app);
    return app;
  };
  const app = await startApp(module);
  return {
    local,
    clock,
    app,
    client: app.get(WorkflowClient),
    logger,
    swf,
    startApp,
    async skippingTime(body) {
      const skipper = new TimeSkipper(local.service.backend, clock, { checkEveryMs: 1 }).start();
      try {
        return await body();
      } finally {
        skipper.stop();
      }
    },
    async close() {
      for (const started of apps.reverse()) await started.close();
      await local.close();
    },
  };
}

/** The run's history once it has `count` events of `type` (polling the service, as a user would). */
export async function waitForEvent(
  client: WorkflowClient,
  run: { workflowId: string; runId?: string },
  type: string,
  count = 1,
): Promise<HistoryEvent[]> {
  for (let i = 0; i < 400; i++) {
    const events = await client.history(run.workflowId, run.runId!);
    if (events.filter((e) => e.eventType === type).length >= count) return events;
    await delay(10);
  }
  throw new Error(`${type} never appeared ${count} time(s) in ${run.workflowId}`);
}

/** The event types of a history, without the decision task bookkeeping. */
export function eventTypes(events: readonly HistoryEvent[]): string[] {
  return events.map((e) => e.eventType!).filter((type) => !/^DecisionTask(Scheduled|Started|Completed)$/.test(type));
}
