import 'reflect-metadata';
import { expect } from 'chai';
import { FlowFactory, WorkflowClient, WorkflowExecutionFailedError, type FlowApp } from '../../index';
import { ORDERS, OrdersModule } from '../../samples/order-fulfilment/main';
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
