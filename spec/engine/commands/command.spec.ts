import { expect } from 'chai';
import { Activity, Workflow, WorkflowContext, type ActivityCall } from '../../../index';
import { decide } from '../../../engine';
import { IllegalTransitionError, TimerCommand, type Settler } from '../../../lib/engine/commands';
import { Deferred } from '../../../lib/engine/deferred';
import { HistoryBuilder } from '../../helpers';

const settler: Settler = {
  resolve: (future, value) => future?.resolve(value, 1),
  reject: (future, error) => future?.reject(error, 1),
};

describe('Command state machines', () => {
  it('walk created → sent → started → closed, logging each transition with its cause', () => {
    const future = new Deferred<unknown>();
    const timer = new TimerCommand('timer1', '5', future, settler);
    expect(timer.state).to.equal('created');
    timer.markSent('start');
    timer.recorded('started', 'TimerStarted');
    timer.fired();
    expect(timer.state).to.equal('closed');
    expect(timer.transitions).to.deep.equal(['created', 'sent → sent', 'TimerStarted → started', 'TimerFired → closed']);
    expect(future.settled).to.equal(true);
  });

  it('refuse an illegal transition, naming the command, its state and its transitions so far', () => {
    const timer = new TimerCommand('timer7', '5', new Deferred<unknown>(), settler);
    timer.markSent('start');
    timer.recorded('started', 'TimerStarted');
    timer.fired();
    let error: unknown;
    try {
      timer.requestCancel();
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(IllegalTransitionError);
    expect(error).to.include({ commandId: 'timer7', kind: 'timer', from: 'closed' });
    expect((error as IllegalTransitionError).transitions).to.deep.equal([
      'created',
      'sent → sent',
      'TimerStarted → started',
      'TimerFired → closed',
    ]);
    expect((error as Error).message).to.equal(
      "The timer command timer7 cannot take cancel requested in state 'closed'. Its transitions so far: created, sent → sent, " +
        'TimerStarted → started, TimerFired → closed. The history does not fit the calls this workflow made; replay it with ' +
        'the code that recorded it, or report it as an engine bug.',
    );
  });

  it('take back a command before it is sent (withdrawn → cancelled), and only then', () => {
    const timer = new TimerCommand('timer2', '5', new Deferred<unknown>(), settler);
    timer.withdraw('cancelled before it was sent');
    expect(timer.state).to.equal('cancelled');
    expect(() => timer.markSent('start')).to.throw(IllegalTransitionError, /cannot take sent in state 'cancelled'/);
  });
});

@Workflow('Once', '1')
class Once {
  @Activity({ name: 'work', version: '1' }) work!: ActivityCall<void, string>;
  constructor(readonly flow: WorkflowContext) {}
  async run(): Promise<string> {
    return this.work();
  }
}

describe('Command state machines replaying a history', () => {
  it('raise IllegalTransitionError when an event comes that the call’s state does not allow (an activity started twice)', async () => {
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Once', version: '1' } }).decisionTask();
    h.completed((await decide(Once, h.task())).decisions).activityStarted('activity1');
    h.add('ActivityTaskStarted', { scheduledEventId: 5, identity: 'again' }).decisionTask();
    const error = await decide(Once, h.task()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(IllegalTransitionError);
    expect((error as Error).message).to.match(/^The activity command activity1 cannot take ActivityTaskStarted in state 'started'/);
  });
});
