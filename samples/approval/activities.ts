import { Activities, Activity, type ActivityContext } from 'tsflow';
import type { Expense } from './expense.dto';
import { Inbox, Payroll } from './services';

/** The approval's side effects: activity types `expenses.<method>` on task list `expenses`. */
@Activities({ version: '1.0', prefix: 'expenses', defaultTaskList: 'expenses', defaultTaskStartToCloseTimeout: 60 })
export class ExpenseActivities {
  constructor(
    private readonly payroll: Payroll,
    private readonly inbox: Inbox,
  ) {}

  @Activity()
  async requestApproval(expense: Expense): Promise<void> {
    const amount = (expense.amountCents / 100).toFixed(2);
    this.inbox.send('approver', `please approve ${expense.expenseId}: ${expense.employee}, ${amount} EUR, "${expense.description}"`);
  }

  /** Retried by the workflow's policy: each attempt is a new activity task, `context.attempt` says which. */
  @Activity()
  async reimburse(expense: Expense, context: ActivityContext): Promise<string> {
    const payment = this.payroll.pay(expense.expenseId, expense.amountCents);
    return `${payment} (attempt ${context.attempt})`;
  }

  @Activity()
  async notify(message: { to: string; text: string }): Promise<void> {
    this.inbox.send(message.to, message.text);
  }
}
