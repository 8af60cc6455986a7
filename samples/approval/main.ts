import { setTimeout as delay } from 'node:timers/promises';
import { ConsoleLogger, FlowFactory, WorkerModule, WorkflowClient, formatTimeline, type FlowApp, type WorkflowHandle } from 'tsflow';
import { LocalSwfService, ManualClock, TimeSkipper } from 'tsflow/local';
import { ExpenseActivities } from './activities';
import type { Expense, ExpenseOutcome, ExpenseStatus } from './expense.dto';
import { Inbox, Payroll } from './services';
import { ExpenseApproval } from './workflows';

@WorkerModule({ workflows: [ExpenseApproval], activities: [ExpenseActivities], providers: [Payroll, Inbox] })
export class ApprovalModule {}

export const EXPENSES: Expense[] = [
  { expenseId: 'exp-1', employee: 'ada', amountCents: 4250, description: 'train to Lyon' },
  { expenseId: 'exp-2', employee: 'carl', amountCents: 1999, description: 'team lunch' },
];

/** Reads the published state until the workflow reaches `stage`, as a dashboard polling it would. */
async function stageReached(run: WorkflowHandle<ExpenseOutcome>, stage: ExpenseStatus['stage']): Promise<ExpenseStatus> {
  for (const started = Date.now(); Date.now() - started < 30_000; await delay(10)) {
    const status = await run.state<ExpenseStatus>();
    if (status?.stage === stage) return status;
  }
  throw new Error(`${run.workflowId} did not reach '${stage}' within 30 s; is a decider running?`);
}

/**
 * The two stories of the sample: an expense approved by signal (after an invalid answer the
 * decider skips) and paid on the third attempt, and one nobody answers for three days. The
 * service's clock stands still until `startSkippingTime()`: from then on, whenever nothing is
 * running, it jumps to the next timer, so back-off waits and the three days take no real time.
 */
export async function runApprovals(app: FlowApp, startSkippingTime: () => void, print: (line: string) => void): Promise<ExpenseOutcome[]> {
  const client = app.get(WorkflowClient);
  const show = async (run: WorkflowHandle<ExpenseOutcome>): Promise<void> => {
    const history = await run.history();
    print(`\n${run.workflowId} (${history.length} events):\n${formatTimeline(history, { hideDecisionTasks: true })}\n`);
  };

  const [approved, ignored] = EXPENSES;
  print(`${approved.expenseId}: ${approved.employee} asks for ${(approved.amountCents / 100).toFixed(2)} EUR ("${approved.description}")`);
  const first = await client.start(ExpenseApproval, approved, { workflowId: `expense-${approved.expenseId}` });
  print(`  state: ${JSON.stringify(await stageReached(first, 'waiting for approval'))}`);
  print(`  signal decide {"verdict":"maybe"}: not a valid ApprovalDecision, so the decider logs it and skips it`);
  await first.signal('decide', { verdict: 'maybe', by: 'ben' });
  print(`  signal decide {"verdict":"approve","by":"ben"}`);
  await first.signal(ExpenseApproval.prototype.onDecision, { verdict: 'approve', by: 'ben', comment: 'have a good trip' });
  // The payroll is busy twice: its back-off timers (60 s, then 120 s) need time to move.
  startSkippingTime();
  const paid = await first.result({ timeoutMs: 60_000 });
  print(`  result: ${JSON.stringify(paid)}`);
  print(`  state: ${JSON.stringify(await first.state())}`);
  await show(first);

  print(
    `${ignored.expenseId}: ${ignored.employee} asks for ${(ignored.amountCents / 100).toFixed(2)} EUR ("${ignored.description}"); nobody answers`,
  );
  const second = await client.start(ExpenseApproval, ignored, { workflowId: `expense-${ignored.expenseId}` });
  const expired = await second.result({ timeoutMs: 60_000 });
  print(`  result after three days of workflow time: ${JSON.stringify(expired)}`);
  await show(second);

  print(
    `Inbox:\n${app
      .get(Inbox)
      .sent.map((line) => `  ${line}`)
      .join('\n')}`,
  );
  return [paid, expired];
}

/** Runs the approval sample on the embedded SWF service, on a manual clock: `npm run sample:approval`. */
async function main(): Promise<void> {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
  const service = new LocalSwfService({ clock });
  const skipper = new TimeSkipper(service.backend, clock);
  const app = await FlowFactory.create(ApprovalModule, {
    domain: 'tsflow-samples',
    taskList: 'expenses-decider',
    swfClient: service.client(),
    registerDomain: true,
    logger: new ConsoleLogger({ level: (process.env.TSFLOW_LOG_LEVEL as 'info') ?? 'warn' }),
  });
  try {
    await runApprovals(
      app,
      () => skipper.start(),
      (line) => console.log(line),
    );
  } finally {
    skipper.stop();
    await app.close();
    await service.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
