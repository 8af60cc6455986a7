import { EventType } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { Workflow } from '../../index';
import { decide } from '../../engine';
import { HistoryReferenceError, eventHandlers } from '../../lib/engine';
import { HistoryBuilder } from '../helpers';

@Workflow('Quiet', '1')
class Quiet {
  async run(): Promise<string> {
    return 'done';
  }
}

describe('Event handlers', () => {
  it('have one handler for each of SWF’s event types (the mapped type makes a missing one a compile error)', () => {
    expect(Object.keys(eventHandlers).sort()).to.deep.equal(Object.values(EventType).sort());
  });

  it('accept events the workflow does not act on, and event types newer than the SDK', async () => {
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Quiet', version: '1' } });
    h.signaled('poke', { n: 1 }).add('WorkflowExecutionCancelRequested', { cause: 'CHILD_POLICY_APPLIED' });
    h.add('SomethingSwfAddsLater', { anything: true });
    const { decisions } = await decide(Quiet, h.decisionTask().task());
    expect(decisions).to.deep.equal([
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"done"' } },
    ]);
  });

  it('refuse an event that refers to a call the history never started, naming both events', async () => {
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Quiet', version: '1' } });
    h.add('ExternalWorkflowExecutionSignaled', { initiatedEventId: 0 });
    const error = await decide(Quiet, h.decisionTask().task()).catch((e: Error) => e);
    expect(error).to.be.instanceOf(HistoryReferenceError);
    expect((error as Error).message).to.match(/^Event 2 of workflow Quiet@1, run test-run, refers to event 0, which is not a call/);
  });

  it('treat a recorded decision tsflow never makes as nondeterminism, not as a crash', async () => {
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Quiet', version: '1' } })
      .decisionTask()
      .completed([]);
    h.add('SignalExternalWorkflowExecutionInitiated', { workflowId: 'x', signalName: 's', decisionTaskCompletedEventId: 4 }).decisionTask();
    let error: Error | undefined;
    await decide(Quiet, h.task()).catch((e: Error) => (error = e));
    expect(error?.name).to.equal('NondeterminismError');
    expect(error?.message).to.match(
      /at event 5 \(a decision of DecisionTaskCompleted 4\): history recorded SignalExternalWorkflowExecution s but the workflow now produces CompleteWorkflowExecution/,
    );
  });
});
