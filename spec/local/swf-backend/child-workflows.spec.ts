import type { Decision } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { complete, DOMAIN, Harness, last } from '../support/backend-harness';

const CHILDREN = 'children';

describe('LocalSwfBackend child workflows and continue-as-new', () => {
  let h: Harness;
  let runId: string;
  beforeEach(async () => {
    h = await Harness.create();
    await h.call('RegisterWorkflowType', {
      domain: DOMAIN,
      name: 'Child',
      version: '1',
      defaultTaskList: { name: CHILDREN },
      defaultTaskStartToCloseTimeout: '10',
      defaultExecutionStartToCloseTimeout: '500',
      defaultChildPolicy: 'ABANDON',
    });
    runId = await h.start('parent');
  });
  afterEach(() => h.backend.close());

  const startChild = (workflowId: string, extra: object = {}): Decision => ({
    decisionType: 'StartChildWorkflowExecution',
    startChildWorkflowExecutionDecisionAttributes: { workflowType: { name: 'Child', version: '1' }, workflowId, input: 'in', ...extra },
  });
  const parentHistory = () => h.history('parent', runId);
  /** The parent's first decision starts `ids` as children; returns their run ids. */
  const startChildren = async (...ids: string[]) => {
    await h.decide(
      await h.decisionTask(),
      ids.map((id) => startChild(id)),
    );
    const events = await parentHistory();
    return events
      .filter((e) => e.eventType === 'ChildWorkflowExecutionStarted')
      .map((e) => e.childWorkflowExecutionStartedEventAttributes!.workflowExecution!.runId!);
  };

  it('starts a child with its type defaults echoed, and tells the parent it started', async () => {
    const [childRun] = await startChildren('kid');
    const events = await parentHistory();
    const initiated = last(events, 'StartChildWorkflowExecutionInitiated');
    expect(initiated.startChildWorkflowExecutionInitiatedEventAttributes).to.deep.equal({
      workflowId: 'kid',
      workflowType: { name: 'Child', version: '1' },
      input: 'in',
      executionStartToCloseTimeout: '500',
      taskList: { name: CHILDREN },
      decisionTaskCompletedEventId: 4,
      childPolicy: 'ABANDON',
      taskStartToCloseTimeout: '10',
    });
    expect(last(events, 'ChildWorkflowExecutionStarted').childWorkflowExecutionStartedEventAttributes).to.deep.equal({
      workflowExecution: { workflowId: 'kid', runId: childRun },
      workflowType: { name: 'Child', version: '1' },
      initiatedEventId: initiated.eventId,
    });
    const childStart = (await h.history('kid', childRun))[0].workflowExecutionStartedEventAttributes!;
    expect(childStart.parentWorkflowExecution).to.deep.equal({ workflowId: 'parent', runId });
    expect(childStart.parentInitiatedEventId).to.equal(initiated.eventId);
    expect((await h.describe('kid', childRun)).executionInfo.parent).to.deep.equal({ workflowId: 'parent', runId });
    expect((await h.describe('parent', runId)).openCounts.openChildWorkflowExecutions).to.equal(1);
  });

  it("reports each way a child closes in the parent's history", async () => {
    const runs = await startChildren('ok', 'bad', 'cancel', 'slow', 'killed');
    await h.decide(await h.decisionTask(), []);
    const childTask = async () => h.decisionTask(CHILDREN);
    await h.decide(await childTask(), [complete('r')]);
    await h.decide(await childTask(), [
      { decisionType: 'FailWorkflowExecution', failWorkflowExecutionDecisionAttributes: { reason: 'x', details: 'y' } },
    ]);
    await h.decide(await childTask(), [
      { decisionType: 'CancelWorkflowExecution', cancelWorkflowExecutionDecisionAttributes: { details: 'z' } },
    ]);
    await h.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'killed' });
    await h.clock.advance(500);
    const events = await parentHistory();
    const closed = (type: string) => last(events, type);
    const ids = (i: number) => ({ workflowExecution: { workflowId: ['ok', 'bad', 'cancel', 'slow', 'killed'][i], runId: runs[i] } });
    expect(closed('ChildWorkflowExecutionCompleted').childWorkflowExecutionCompletedEventAttributes).to.deep.include({
      ...ids(0),
      result: 'r',
    });
    expect(closed('ChildWorkflowExecutionFailed').childWorkflowExecutionFailedEventAttributes).to.deep.include({
      ...ids(1),
      reason: 'x',
      details: 'y',
    });
    expect(closed('ChildWorkflowExecutionCanceled').childWorkflowExecutionCanceledEventAttributes).to.deep.include({
      ...ids(2),
      details: 'z',
    });
    expect(closed('ChildWorkflowExecutionTimedOut').childWorkflowExecutionTimedOutEventAttributes).to.deep.include({
      ...ids(3),
      timeoutType: 'START_TO_CLOSE',
    });
    expect(closed('ChildWorkflowExecutionTerminated').childWorkflowExecutionTerminatedEventAttributes).to.deep.include(ids(4));
    const completed = closed('ChildWorkflowExecutionCompleted').childWorkflowExecutionCompletedEventAttributes!;
    const started = events.find((e) => e.childWorkflowExecutionStartedEventAttributes?.workflowExecution?.workflowId === 'ok')!;
    expect(completed.startedEventId).to.equal(started.eventId);
    expect((await h.describe('parent', runId)).openCounts.openChildWorkflowExecutions).to.equal(0);
  });

  it('fails StartChildWorkflowExecution with SWF causes, WORKFLOW_ALREADY_RUNNING after initiation', async () => {
    await h.call('RegisterWorkflowType', { domain: DOMAIN, name: 'Bare', version: '1', defaultTaskList: { name: 'x' } });
    await h.call('RegisterWorkflowType', { domain: DOMAIN, name: 'Old', version: '1' });
    await h.call('DeprecateWorkflowType', { domain: DOMAIN, workflowType: { name: 'Old', version: '1' } });
    await h.start('busy');
    await h.decide(await h.decisionTask(), [
      startChild('busy'),
      startChild('a', { workflowType: { name: 'Nope', version: '1' } }),
      startChild('b', { workflowType: { name: 'Old', version: '1' } }),
      startChild('c', { workflowType: { name: 'Bare', version: '1' } }),
      startChild('d', { workflowType: { name: 'Bare', version: '1' }, executionStartToCloseTimeout: '5' }),
      startChild('e', { workflowType: { name: 'Bare', version: '1' }, executionStartToCloseTimeout: '5', taskStartToCloseTimeout: '5' }),
    ]);
    const failures = (await parentHistory())
      .filter((e) => e.eventType === 'StartChildWorkflowExecutionFailed')
      .map((e) => e.startChildWorkflowExecutionFailedEventAttributes!)
      .map((a) => [a.workflowId, a.cause, a.initiatedEventId]);
    expect(failures).to.deep.equal([
      ['a', 'WORKFLOW_TYPE_DOES_NOT_EXIST', 0],
      ['b', 'WORKFLOW_TYPE_DEPRECATED', 0],
      ['c', 'DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED', 0],
      ['d', 'DEFAULT_TASK_START_TO_CLOSE_TIMEOUT_UNDEFINED', 0],
      ['e', 'DEFAULT_CHILD_POLICY_UNDEFINED', 0],
      ['busy', 'WORKFLOW_ALREADY_RUNNING', 5],
    ]);
  });

  for (const [policy, expected] of [
    ['TERMINATE', 'TERMINATED'],
    ['REQUEST_CANCEL', 'OPEN, cancel requested'],
    ['ABANDON', 'OPEN'],
  ] as const) {
    it(`applies child policy ${policy} to open children when the parent is terminated`, async () => {
      const [childRun] = await startChildren('kid');
      await h.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'parent', childPolicy: policy });
      const info = (await h.describe('kid', childRun)).executionInfo;
      const state = info.executionStatus === 'CLOSED' ? info.closeStatus : `OPEN${info.cancelRequested ? ', cancel requested' : ''}`;
      expect(state).to.equal(expected);
      const childEvents = await h.history('kid', childRun);
      if (policy === 'TERMINATE') {
        expect(last(childEvents, 'WorkflowExecutionTerminated').workflowExecutionTerminatedEventAttributes).to.deep.equal({
          childPolicy: 'ABANDON',
          cause: 'CHILD_POLICY_APPLIED',
        });
      }
      if (policy === 'REQUEST_CANCEL') {
        expect(last(childEvents, 'WorkflowExecutionCancelRequested').workflowExecutionCancelRequestedEventAttributes).to.deep.equal({
          cause: 'CHILD_POLICY_APPLIED',
        });
      }
    });
  }

  it("applies the parent's own child policy when it completes with children open", async () => {
    const [childRun] = await startChildren('kid');
    await h.decide(await h.decisionTask(), [complete()]);
    expect((await h.describe('kid', childRun)).executionInfo.closeStatus).to.equal('TERMINATED');
  });

  it('continues as new: same workflow id, a new run that names the old one, defaults applied', async () => {
    const events = async (id: string, run: string) => h.history(id, run);
    await h.decide(await h.decisionTask(), [
      {
        decisionType: 'ContinueAsNewWorkflowExecution',
        continueAsNewWorkflowExecutionDecisionAttributes: { input: 'next', tagList: ['gen2'] },
      },
    ]);
    const continued = last(
      await events('parent', runId),
      'WorkflowExecutionContinuedAsNew',
    ).workflowExecutionContinuedAsNewEventAttributes!;
    expect(continued).to.deep.include({
      input: 'next',
      decisionTaskCompletedEventId: 4,
      executionStartToCloseTimeout: '3600',
      taskList: { name: 'deciders' },
      taskStartToCloseTimeout: '30',
      childPolicy: 'TERMINATE',
      tagList: ['gen2'],
      workflowType: { name: 'Flow', version: '1' },
    });
    const newRun = continued.newExecutionRunId!;
    expect((await h.describe('parent', runId)).executionInfo.closeStatus).to.equal('CONTINUED_AS_NEW');
    const started = (await events('parent', newRun))[0].workflowExecutionStartedEventAttributes!;
    expect(started).to.deep.include({ input: 'next', continuedExecutionRunId: runId, tagList: ['gen2'] });
    const task = await h.decisionTask();
    expect(task.workflowExecution).to.deep.equal({ workflowId: 'parent', runId: newRun });
  });

  it('fails ContinueAsNewWorkflowExecution for an unknown version', async () => {
    await h.decide(await h.decisionTask(), [
      { decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { workflowTypeVersion: '9' } },
    ]);
    const failed = last(await parentHistory(), 'ContinueAsNewWorkflowExecutionFailed');
    expect(failed.continueAsNewWorkflowExecutionFailedEventAttributes!.cause).to.equal('WORKFLOW_TYPE_DOES_NOT_EXIST');
  });

  it('takes what a continue-as-new leaves out from the type defaults, not from the current run', async () => {
    await h.call('RegisterWorkflowType', { domain: DOMAIN, name: 'Bare', version: '1' });
    const explicit = {
      taskList: { name: 'bare' },
      executionStartToCloseTimeout: '60',
      taskStartToCloseTimeout: '10',
      childPolicy: 'ABANDON',
    };
    const bareRun = await h.start('bare', { workflowType: { name: 'Bare', version: '1' }, ...explicit });
    await h.decide(await h.decisionTask('bare'), [{ decisionType: 'ContinueAsNewWorkflowExecution' }]);
    const failed = last(await h.history('bare', bareRun), 'ContinueAsNewWorkflowExecutionFailed');
    expect(failed.continueAsNewWorkflowExecutionFailedEventAttributes!.cause).to.equal('DEFAULT_TASK_LIST_UNDEFINED');
    await h.decide(await h.decisionTask('bare'), [
      { decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: explicit as never },
    ]);
    expect((await h.describe('bare', bareRun)).executionInfo.closeStatus).to.equal('CONTINUED_AS_NEW');
  });

  it('keeps a child that continues as new a child: the parent hears when the last run completes', async () => {
    const [firstRun] = await startChildren('kid');
    await h.decide(await h.decisionTask(), []);
    await h.decide(await h.decisionTask(CHILDREN), [{ decisionType: 'ContinueAsNewWorkflowExecution' }]);
    const secondTask = await h.decisionTask(CHILDREN);
    const secondRun = secondTask.workflowExecution!.runId!;
    expect(secondRun).to.not.equal(firstRun);
    expect((await h.history('kid', secondRun))[0].workflowExecutionStartedEventAttributes!.parentWorkflowExecution).to.deep.equal({
      workflowId: 'parent',
      runId,
    });
    await h.decide(secondTask, [complete('last')]);
    const completed = last(await parentHistory(), 'ChildWorkflowExecutionCompleted').childWorkflowExecutionCompletedEventAttributes!;
    expect(completed.workflowExecution).to.deep.equal({ workflowId: 'kid', runId: secondRun });
    expect(completed.result).to.equal('last');
  });
});
