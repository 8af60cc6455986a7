import { injectable } from 'tsflow';
import type { OnModuleDestroy, OnModuleInit } from 'tsflow';

/** Stock levels; a real application would inject a database client here. */
@injectable()
export class Inventory implements OnModuleInit {
  private readonly stock = new Map<string, number>();
  private reservations = 0;

  onModuleInit(): void {
    this.stock.set('book', 10).set('lamp', 3).set('mug', 25);
  }

  reserve(lines: { sku: string; quantity: number }[]): string {
    for (const { sku, quantity } of lines) {
      const left = this.stock.get(sku) ?? 0;
      if (left < quantity) throw new Error(`Only ${left} of ${sku} left, ${quantity} wanted`);
    }
    for (const { sku, quantity } of lines) this.stock.set(sku, (this.stock.get(sku) ?? 0) - quantity);
    return `res-${++this.reservations}`;
  }
}

@injectable()
export class PaymentGateway {
  private payments = 0;

  charge(cents: number): string {
    if (cents > 1_000_000) throw new Error('Card declined: amount over limit');
    return `pay-${++this.payments}`;
  }
}

/** Collects what it would send, so the sample can print it. */
@injectable()
export class Mailer implements OnModuleDestroy {
  readonly sent: string[] = [];

  send(to: string, text: string): void {
    this.sent.push(`${to}: ${text}`);
  }

  onModuleDestroy(): void {
    if (this.sent.length) console.log(`\nMailer: ${this.sent.length} message(s) sent:\n${this.sent.map((m) => `  ${m}`).join('\n')}`);
  }
}
