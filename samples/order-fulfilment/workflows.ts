import { Activity, ActivityFailure, ChildWorkflow, Workflow, WorkflowFailed } from 'tsflow';
import type { ActivityCall, ChildWorkflowCall } from 'tsflow';
import { OrderActivities } from './activities';
import type { Order, Receipt } from './order.dto';

/** Packs and dispatches an order; a child of FulfilOrder. */
@Workflow('ShipOrder', '1.0')
export class ShipOrder {
  @Activity(OrderActivities, 'pack') pack!: ActivityCall<Order, number>;
  @Activity(OrderActivities, 'dispatch') dispatch!: ActivityCall<{ orderId: string; parcels: number }, string>;

  async run(order: Order): Promise<string> {
    const parcels = await this.pack(order);
    return this.dispatch({ orderId: order.orderId, parcels });
  }
}

@Workflow('FulfilOrder', '1.0', { defaultExecutionStartToCloseTimeout: 3600 })
export class FulfilOrder {
  @Activity(OrderActivities, 'accept') accept!: ActivityCall<Order, string>;
  @Activity(OrderActivities, 'reserve') reserve!: ActivityCall<Order, string>;
  @Activity(OrderActivities, 'charge') charge!: ActivityCall<Order, string>;
  @Activity(OrderActivities, 'notify') notify!: ActivityCall<{ email: string; text: string }, void>;
  @ChildWorkflow(ShipOrder) ship!: ChildWorkflowCall<Order, string>;

  async run(order: Order): Promise<Receipt> {
    try {
      await this.accept(order);
    } catch (error) {
      if (error instanceof ActivityFailure && error.reason === 'ValidationError') throw new WorkflowFailed('InvalidOrder', error.details);
      throw error;
    }
    // Reserve stock and take payment at the same time.
    const [reservationId, paymentId] = await Promise.all([this.reserve(order), this.charge(order)]);
    const trackingNumber = await this.ship(order);
    await this.notify({ email: order.email, text: `Order ${order.orderId} is on its way: ${trackingNumber}` });
    return { orderId: order.orderId, reservationId, paymentId, trackingNumber };
  }
}
