import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** What an employee asks to be paid back. */
export interface Expense {
  expenseId: string;
  employee: string;
  amountCents: number;
  description: string;
}

/** The approver's answer, sent as the `decide` signal; the decider validates it before the handler sees it. */
export class ApprovalDecision {
  @IsIn(['approve', 'reject'])
  verdict!: 'approve' | 'reject';

  @IsString()
  @IsNotEmpty()
  by!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  comment?: string;
}

/** What the workflow publishes (`@State`): anyone with a client reads it with `handle.state()`. */
export interface ExpenseStatus {
  stage: 'submitted' | 'waiting for approval' | 'paying' | 'paid' | 'rejected' | 'expired';
  decidedBy?: string;
  comment?: string;
}

export interface ExpenseOutcome {
  expenseId: string;
  outcome: 'paid' | 'rejected' | 'expired';
  decidedBy?: string;
  payment?: string;
}
