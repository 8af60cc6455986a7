import { Activity, Signal, State, Workflow, WorkflowContext, type ActivityCall } from 'tsflow';
import { ExpenseActivities } from './activities';
import { ApprovalDecision, type Expense, type ExpenseOutcome, type ExpenseStatus } from './expense.dto';

/** How long an approver has to answer: three days of workflow time. */
export const APPROVAL_WINDOW_SECONDS = 3 * 24 * 3600;

/**
 * Asks for approval, waits up to three days for the `decide` signal, then pays the expense back,
 * retrying while the payroll system is busy. Its status is published for anyone to read.
 */
@Workflow('ExpenseApproval', '1.0', { defaultExecutionStartToCloseTimeout: 30 * 24 * 3600 })
export class ExpenseApproval {
  @Activity(ExpenseActivities, 'requestApproval') requestApproval!: ActivityCall<Expense, void>;
  @Activity(ExpenseActivities, 'reimburse', {
    retry: { maximumAttempts: 5, initialInterval: 60, backoffCoefficient: 2, nonRetryable: ['AccountClosedError'] },
  })
  reimburse!: ActivityCall<Expense, string>;
  @Activity(ExpenseActivities, 'notify') notify!: ActivityCall<{ to: string; text: string }, void>;

  private stage: ExpenseStatus['stage'] = 'submitted';
  private decision?: ApprovalDecision;

  constructor(private readonly flow: WorkflowContext) {}

  /** The first valid answer counts; later ones change nothing. */
  @Signal('decide')
  onDecision(decision: ApprovalDecision): void {
    this.decision ??= decision;
  }

  @State()
  get status(): ExpenseStatus {
    return { stage: this.stage, decidedBy: this.decision?.by, comment: this.decision?.comment };
  }

  async run(expense: Expense): Promise<ExpenseOutcome> {
    const { expenseId, employee } = expense;
    await this.requestApproval(expense);
    this.stage = 'waiting for approval';
    const answered = await this.flow.condition(() => this.decision !== undefined, APPROVAL_WINDOW_SECONDS);
    if (!answered || !this.decision) {
      this.stage = 'expired';
      await this.notify({ to: employee, text: `${expenseId} was not approved within three days; submit it again` });
      return { expenseId, outcome: 'expired' };
    }
    const decidedBy = this.decision.by;
    if (this.decision.verdict === 'reject') {
      this.stage = 'rejected';
      await this.notify({ to: employee, text: `${expenseId} was rejected by ${decidedBy}` });
      return { expenseId, outcome: 'rejected', decidedBy };
    }
    this.stage = 'paying';
    const payment = await this.reimburse(expense);
    this.stage = 'paid';
    await this.notify({ to: employee, text: `${expenseId} approved by ${decidedBy} and paid: ${payment}` });
    return { expenseId, outcome: 'paid', decidedBy, payment };
  }
}
