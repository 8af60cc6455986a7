import { Activities, Activity, type ActivityContext } from 'tsflow';
import { Order } from './order.dto';
import { Inventory, Mailer, PaymentGateway } from './services';

/** The order's side effects: each method is an activity type `orders.<method>` on task list `orders`. */
@Activities({ version: '1.0', prefix: 'orders', defaultTaskList: 'orders', defaultTaskStartToCloseTimeout: 60 })
export class OrderActivities {
  constructor(
    private readonly inventory: Inventory,
    private readonly payments: PaymentGateway,
    private readonly mailer: Mailer,
  ) {}

  /** Nothing to do but receive the order: its DTO is validated before this runs. */
  @Activity()
  async accept(order: Order): Promise<string> {
    return order.orderId;
  }

  @Activity()
  async reserve(order: Order): Promise<string> {
    return this.inventory.reserve(order.lines);
  }

  @Activity()
  async charge(order: Order): Promise<string> {
    return this.payments.charge(order.totalCents);
  }

  /** Packs line by line, heartbeating so that SWF notices a stuck packer and so that cancellation reaches it. */
  @Activity({ defaultTaskHeartbeatTimeout: 10 })
  async pack(order: Order, context: ActivityContext): Promise<number> {
    let parcels = 0;
    for (const line of order.lines) {
      await context.heartbeat({ packing: line.sku });
      await new Promise((resolve) => setTimeout(resolve, 20));
      parcels += Math.ceil(line.quantity / 5);
    }
    return parcels;
  }

  @Activity()
  async dispatch(input: { orderId: string; parcels: number }): Promise<string> {
    return `TRK-${input.orderId.toUpperCase()}-${input.parcels}`;
  }

  @Activity()
  async notify(input: { email: string; text: string }): Promise<void> {
    this.mailer.send(input.email, input.text);
  }
}
