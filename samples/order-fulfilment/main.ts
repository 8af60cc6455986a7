import { ConsoleLogger, FlowFactory, WorkerModule, WorkflowClient, WorkflowExecutionFailedError } from 'tsflow';
import { OrderActivities } from './activities';
import type { Order } from './order.dto';
import { Inventory, Mailer, PaymentGateway } from './services';
import { FulfilOrder, ShipOrder } from './workflows';

@WorkerModule({ workflows: [FulfilOrder, ShipOrder], activities: [OrderActivities], providers: [Inventory, PaymentGateway, Mailer] })
export class OrdersModule {}

export const ORDERS: Order[] = [
  {
    orderId: 'ord-1001',
    email: 'ada@example.com',
    lines: [
      { sku: 'book', quantity: 2 },
      { sku: 'mug', quantity: 6 },
    ],
    totalCents: 4200,
  },
  // Invalid on purpose: the activity worker rejects it before any activity code runs.
  { orderId: 'order #2', email: 'not-an-email', lines: [{ sku: 'lamp', quantity: 0 }], totalCents: 1999 },
];

/** Runs two orders through FulfilOrder on the embedded SWF service: `npm run sample:orders`. */
async function main(): Promise<void> {
  const app = await FlowFactory.create(OrdersModule, {
    domain: 'tsflow-samples',
    taskList: 'orders-decider',
    local: true,
    logger: new ConsoleLogger({ level: (process.env.TSFLOW_LOG_LEVEL as 'info') ?? 'warn' }),
  });
  try {
    const client = app.get(WorkflowClient);
    const runs = await Promise.all(ORDERS.map((order) => client.start(FulfilOrder, order, { workflowId: `fulfil-${order.orderId}` })));
    for (const [i, run] of runs.entries()) {
      try {
        const receipt = await run.result({ timeoutMs: 60_000 });
        console.log(`${ORDERS[i].orderId}: fulfilled ${JSON.stringify(receipt)}`);
      } catch (error) {
        if (!(error instanceof WorkflowExecutionFailedError)) throw error;
        console.log(`${ORDERS[i].orderId}: rejected (${error.reason})\n${error.details}`);
      }
    }
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
