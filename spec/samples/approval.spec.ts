import 'reflect-metadata';
import { expect } from 'chai';
import { FlowFactory, WorkflowClient, type FlowApp } from '../../index';
import { ManualClock, TimeSkipper } from '../../local';
import { ApprovalModule, runApprovals } from '../../samples/approval/main';
import { Inbox } from '../../samples/approval/services';
import { TRANSPORTS, type LocalTransport } from '../helpers/local-transports';
import { RecordingLogger } from '../helpers/quiet-logger';

for (const transport of TRANSPORTS) {
  describe(`samples/approval (${transport.name})`, () => {
    let local: LocalTransport;
    let app: FlowApp;
    let skipper: TimeSkipper;
    const logger = new RecordingLogger();

    before(async () => {
      const clock = new ManualClock();
      local = await transport.start({ clock });
      skipper = new TimeSkipper(local.service.backend, clock, { checkEveryMs: 1 });
      app = await FlowFactory.create(ApprovalModule, {
        domain: 'samples',
        taskList: 'expenses-decider',
        swfClient: local.client(),
        registerDomain: true,
        logger,
        handleSignals: false,
      });
    });

    after(async () => {
      skipper.stop();
      await app?.close();
      await local?.close();
    });

    it('approves one expense by signal and pays it on the third attempt, and lets the other expire after three days', async () => {
      const lines: string[] = [];
      const outcomes = await runApprovals(
        app,
        () => skipper.start(),
        (line) => lines.push(line),
      );
      expect(outcomes).to.deep.equal([
        { expenseId: 'exp-1', outcome: 'paid', decidedBy: 'ben', payment: 'PAY-1-4250 (attempt 3)' },
        { expenseId: 'exp-2', outcome: 'expired' },
      ]);
      const transcript = lines.join('\n');
      expect(transcript).to.contain('state: {"stage":"waiting for approval"}');
      expect(transcript).to.contain('state: {"stage":"paid","decidedBy":"ben","comment":"have a good trip"}');
      expect(transcript).to.match(/TimerStarted +timer2 60s/);
      expect(transcript).to.match(/TimerStarted +timer3 120s/);
      expect(transcript).to.match(/\+259200\.000s +\d+ TimerFired +timer1/);
      const skipped = logger.lines.find((line) => line.message === 'signal skipped');
      expect(String(skipped?.fields?.reason)).to.contain('verdict must be one of the following values: approve, reject (isIn)');
      expect(app.get(Inbox).sent).to.deep.equal([
        'approver: please approve exp-1: ada, 42.50 EUR, "train to Lyon"',
        'ada: exp-1 approved by ben and paid: PAY-1-4250 (attempt 3)',
        'approver: please approve exp-2: carl, 19.99 EUR, "team lunch"',
        'carl: exp-2 was not approved within three days; submit it again',
      ]);
      const history = await app.get(WorkflowClient).getHandle('expense-exp-1').history();
      const reimburse = history.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'expenses.reimburse');
      expect(reimburse.map((e) => e.activityTaskScheduledEventAttributes?.activityId)).to.deep.equal([
        'activity2',
        'activity2#2',
        'activity2#3',
      ]);
    });
  });
}
