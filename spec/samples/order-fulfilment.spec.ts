import 'reflect-metadata';
import { expect } from 'chai';
import { FlowFactory, WorkerMetrics, WorkflowClient, WorkflowExecutionFailedError, type FlowApp } from '../../index';
import { ORDERS, OrdersModule, metricsSummary } from '../../samples/order-fulfilment/main';
import { Mailer } from '../../samples/order-fulfilment/services';
import { FulfilOrder } from '../../samples/order-fulfilment/workflows';
import { TRANSPORTS, type LocalTransport } from '../helpers/local-transports';
import { RecordingLogger } from '../helpers/quiet-logger';

for (const transport of TRANSPORTS) {
  describe(`samples/order-fulfilment (${transport.name})`, () => {
    let local: LocalTransport;
    let app: FlowApp;

    before(async () => {
      local = await transport.start();
      app = await FlowFactory.create(OrdersModule, {
        domain: 'samples',
        taskList: 'orders-decider',
        swfClient: local.client(),
        registerDomain: true,
        logger: new RecordingLogger(),
        handleSignals: false,
      });
    });

    after(async () => {
      await app?.close();
      await local?.close();
    });

    it('fulfils a valid order: parallel activities with injected services, a child workflow, a heartbeating packer', async () => {
      const run = await app.get(WorkflowClient).start(FulfilOrder, ORDERS[0]);
      expect(await run.result({ timeoutMs: 30_000 })).to.deep.equal({
        orderId: 'ord-1001',
        reservationId: 'res-1',
        paymentId: 'pay-1',
        trackingNumber: 'TRK-ORD-1001-3',
      });
      expect(app.get(Mailer).sent).to.deep.equal(['ada@example.com: Order ord-1001 is on its way: TRK-ORD-1001-3']);
      const events = await run.history();
      const scheduled = events.filter((e) => e.eventType === 'ActivityTaskScheduled');
      // reserve and charge are scheduled by the same decision: they run in parallel.
      const byName = (name: string) => scheduled.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === name);
      expect(byName('orders.reserve')?.activityTaskScheduledEventAttributes?.decisionTaskCompletedEventId).to.equal(
        byName('orders.charge')?.activityTaskScheduledEventAttributes?.decisionTaskCompletedEventId,
      );
    });

    it('rejects an invalid order with every violated constraint, before any activity code runs', async () => {
      const run = await app.get(WorkflowClient).start(FulfilOrder, ORDERS[1]);
      const error = await run.result({ timeoutMs: 30_000 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(WorkflowExecutionFailedError);
      const failed = error as WorkflowExecutionFailedError;
      expect(failed.reason).to.equal('InvalidOrder');
      expect(failed.details).to.contain('orderId: orderId must look like ord-123 (matches)');
      expect(failed.details).to.contain('email: email must be an email (isEmail)');
      expect(failed.details).to.contain('lines.0.quantity: quantity must be a positive number (isPositive)');
    });
  });
}

describe('samples/order-fulfilment with metrics on', () => {
  it('serves what its workers did at /metrics: tasks, failures by reason, cache use and events', async () => {
    const app = await FlowFactory.create(OrdersModule, {
      domain: 'samples-metrics',
      taskList: 'orders-decider',
      local: true,
      logger: new RecordingLogger(),
      handleSignals: false,
      metrics: { port: 0 },
    });
    try {
      const client = app.get(WorkflowClient);
      const runs = await Promise.all(ORDERS.map((order) => client.start(FulfilOrder, order)));
      await Promise.all(runs.map((run) => run.result({ timeoutMs: 30_000 }).catch(() => undefined)));
      const summary = metricsSummary(await (await fetch(app.get(WorkerMetrics).url!)).text()).split('\n');
      expect(summary).to.include('tsflow_task_failures_total{worker="activity",type="orders.accept@1.0",reason="ValidationError"} 1');
      expect(summary).to.include('tsflow_task_duration_seconds_count{worker="activity",type="orders.pack@1.0",outcome="completed"} 1');
      expect(summary).to.include('tsflow_decider_cache_total{result="miss"} 3');
      expect(summary).to.include('tsflow_tasks_in_flight{worker="activity"} 0');
      expect(summary.some((line) => line.startsWith('tsflow_decider_events_fetched_sum{type="FulfilOrder@1.0"}'))).to.equal(true);
      expect(summary.some((line) => line.includes('_bucket{'))).to.equal(false);
    } finally {
      await app.close();
    }
  });
});
