import { expect } from 'chai';
import { TestWorkflowEnvironment } from 'tsflow/testing';
import { Mailer, ReminderActivities, ReminderModule, Ticker, WEEK, WeeklyReminder, reminderLambdas } from './fixtures/reminder-workflows';

class FakeMailer {
  readonly sent: string[] = [];
  send(to: string, text: string): string {
    this.sent.push(`${to}: ${text}`);
    return `receipt-${this.sent.length}`;
  }
}

describe('TestWorkflowEnvironment', () => {
  let env: TestWorkflowEnvironment | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('finishes a week-long sleep by skipping time while the workers are idle', async () => {
    const mailer = new FakeMailer();
    env = await TestWorkflowEnvironment.create(ReminderModule, {
      overrides: [{ provide: Mailer, useValue: mailer }],
      lambdas: reminderLambdas,
    });
    const startedAt = env.now().getTime();
    const run = await env.client.start(WeeklyReminder, 'ada@example.com');
    const result = await run.result();
    expect(result.receipt).to.equal('receipt-1');
    expect(new Date(result.sentAt).getTime() - startedAt).to.equal(WEEK * 1000);
    expect(env.now().getTime() - startedAt).to.equal(WEEK * 1000);
    expect(mailer.sent).to.deep.equal(['ada@example.com: Hello ada@example.com, a week has passed.']);
  });

  it('runs the fake Lambda function given for a test in place of the real one', async () => {
    env = await TestWorkflowEnvironment.create(ReminderModule, {
      overrides: [{ provide: Mailer, useValue: new FakeMailer() }],
      lambdas: { format_reminder: (to: string) => `fake text for ${to}` },
    });
    const run = await env.client.start(WeeklyReminder, 'bob');
    await run.result();
    const completed = (await run.history()).find((e) => e.eventType === 'LambdaFunctionCompleted');
    expect(completed?.lambdaFunctionCompletedEventAttributes?.result).to.equal('"fake text for bob"');
  });

  it('replaces an activity class with a fake one', async () => {
    class FakeReminderActivities {
      async remind(input: { to: string }): Promise<string> {
        return `not sent to ${input.to}`;
      }
    }
    env = await TestWorkflowEnvironment.create(ReminderModule, {
      overrides: [{ provide: ReminderActivities, useClass: FakeReminderActivities }],
      lambdas: reminderLambdas,
    });
    const run = await env.client.start(WeeklyReminder, 'carol');
    expect((await run.result()).receipt).to.equal('not sent to carol');
  });

  it("resolves the override, not the module's provider, from the app's container", async () => {
    env = await TestWorkflowEnvironment.create(ReminderModule, {
      overrides: [{ provide: Mailer, useFactory: () => new FakeMailer() }],
      lambdas: reminderLambdas,
    });
    expect(env.app.get(Mailer)).to.be.instanceOf(FakeMailer);
  });

  it('moves time only through sleep when time skipping is off, handling each timer on the way', async () => {
    env = await TestWorkflowEnvironment.create(ReminderModule, { timeSkipping: false });
    const start = env.now().getTime();
    const run = await env.client.start(Ticker, 3);
    await env.sleep(25);
    expect(env.now().getTime() - start).to.equal(25_000);
    const fired = (await run.history()).filter((e) => e.eventType === 'TimerFired');
    expect(fired).to.have.length(2);
    expect((await run.describe()).executionInfo?.executionStatus).to.equal('OPEN');
    await env.sleep(5);
    expect(await run.result()).to.equal(3);
  });

  it('starts its clock where the test says', async () => {
    env = await TestWorkflowEnvironment.create(ReminderModule, { startTime: new Date('2030-05-01T12:00:00Z') });
    expect(env.now().toISOString()).to.equal('2030-05-01T12:00:00.000Z');
  });

  it('rejects a negative sleep with a clear error', async () => {
    env = await TestWorkflowEnvironment.create(ReminderModule);
    let caught: unknown;
    await env.sleep(-1).catch((error: unknown) => (caught = error));
    expect(String(caught)).to.contain('seconds must be 0 or more, got -1');
  });
});
