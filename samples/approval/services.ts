import { injectable } from 'tsflow';

/** The payroll system: busy the first two times it is asked to pay an expense, as real ones are at month end. */
@injectable()
export class Payroll {
  private readonly asked = new Map<string, number>();
  private payments = 0;

  pay(expenseId: string, cents: number): string {
    const times = (this.asked.get(expenseId) ?? 0) + 1;
    this.asked.set(expenseId, times);
    if (times < 3) throw new PayrollBusyError(`payroll is busy, try again later (request ${times} for ${expenseId})`);
    return `PAY-${++this.payments}-${cents}`;
  }
}

export class PayrollBusyError extends Error {
  override name = 'PayrollBusyError';
}

/** Where notifications would be e-mailed; the sample prints them. */
@injectable()
export class Inbox {
  readonly sent: string[] = [];

  send(to: string, text: string): void {
    this.sent.push(`${to}: ${text}`);
  }
}
