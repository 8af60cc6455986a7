import { expect } from 'chai';
import { complete, DOMAIN, faultOf, Harness, last } from '../support/backend-harness';

describe('LocalSwfBackend executions', () => {
  let h: Harness;
  beforeEach(async () => (h = await Harness.create()));
  afterEach(() => h.backend.close());

  it('refuses a second open execution with the same workflow id, and allows one after it closed', async () => {
    const runId = await h.start('wf');
    const fault = await faultOf(h.start('wf'));
    expect(fault.type).to.equal('WorkflowExecutionAlreadyStartedFault');
    await h.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'wf' });
    const second = await h.start('wf');
    expect(second).to.not.equal(runId);
  });

  it('refuses an unknown type and a missing default with the SWF faults', async () => {
    const unknown = await faultOf(
      h.call('StartWorkflowExecution', { domain: DOMAIN, workflowId: 'x', workflowType: { name: 'No', version: '1' } }),
    );
    expect(unknown.type).to.equal('UnknownResourceFault');
    expect(unknown.message).to.contain('WorkflowType=[name=No, version=1]');
    await h.call('RegisterWorkflowType', { domain: DOMAIN, name: 'Bare', version: '1' });
    const bare = { domain: DOMAIN, workflowId: 'x', workflowType: { name: 'Bare', version: '1' } };
    const noList = await faultOf(h.call('StartWorkflowExecution', bare));
    expect(noList.type).to.equal('DefaultUndefinedFault');
    expect(noList.message).to.contain('taskList');
    const noPolicy = await faultOf(
      h.call('StartWorkflowExecution', {
        ...bare,
        taskList: { name: 't' },
        executionStartToCloseTimeout: '60',
        taskStartToCloseTimeout: '10',
      }),
    );
    expect(noPolicy.message).to.contain('childPolicy');
    const none = await faultOf(h.call('StartWorkflowExecution', { ...bare, executionStartToCloseTimeout: 'NONE' }));
    expect(none.type).to.equal('ValidationException');
    const tags = await faultOf(h.call('StartWorkflowExecution', { ...bare, tagList: ['1', '2', '3', '4', '5', '6'] }));
    expect(tags.message).to.contain("at 'tagList'");
  });

  it('records signals and cancel requests, which schedule one decision task between them', async () => {
    const runId = await h.start('wf');
    await h.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', signalName: 'go', input: '1' });
    await h.call('RequestCancelWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', runId });
    await h.call('RequestCancelWorkflowExecution', { domain: DOMAIN, workflowId: 'wf' });
    expect(await h.eventTypes('wf', runId)).to.deep.equal([
      'WorkflowExecutionStarted',
      'DecisionTaskScheduled',
      'WorkflowExecutionSignaled',
      'WorkflowExecutionCancelRequested',
    ]);
    const events = await h.history('wf', runId);
    expect(events[2].workflowExecutionSignaledEventAttributes).to.deep.equal({ signalName: 'go', input: '1' });
    expect((await h.describe('wf', runId)).executionInfo.cancelRequested).to.equal(true);
    const wrongRun = await faultOf(h.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', runId: 'nope', signalName: 's' }));
    expect(wrongRun.type).to.equal('UnknownResourceFault');
  });

  it('terminates with reason, details, child policy and OPERATOR_INITIATED, and refuses a closed execution', async () => {
    const runId = await h.start('wf');
    await h.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', reason: 'r', details: 'd', childPolicy: 'ABANDON' });
    const terminated = last(await h.history('wf', runId), 'WorkflowExecutionTerminated');
    expect(terminated.workflowExecutionTerminatedEventAttributes).to.deep.equal({
      reason: 'r',
      details: 'd',
      childPolicy: 'ABANDON',
      cause: 'OPERATOR_INITIATED',
    });
    expect((await faultOf(h.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', signalName: 's' }))).type).to.equal(
      'UnknownResourceFault',
    );
    const info = (await h.describe('wf', runId)).executionInfo;
    expect(info).to.include({ executionStatus: 'CLOSED', closeStatus: 'TERMINATED' });
    const pending = await h.call('CountPendingDecisionTasks', { domain: DOMAIN, taskList: { name: 'deciders' } });
    expect(pending).to.deep.equal({ count: 0, truncated: false }, 'the closed execution has no pending decision task');
  });

  it('describes open counts, configuration and the latest execution context', async () => {
    const runId = await h.start('wf', { lambdaRole: 'role', tagList: ['t1'] });
    const task = await h.decisionTask();
    await h.decide(
      task,
      [
        { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't', startToFireTimeout: '60' } },
        {
          decisionType: 'ScheduleActivityTask',
          scheduleActivityTaskDecisionAttributes: { activityType: { name: 'Work', version: '1' }, activityId: 'a' },
        },
      ],
      { executionContext: 'ctx-1' },
    );
    const described = await h.describe('wf', runId);
    expect(described.openCounts).to.deep.equal({
      openActivityTasks: 1,
      openDecisionTasks: 0,
      openTimers: 1,
      openChildWorkflowExecutions: 0,
      openLambdaFunctions: 0,
    });
    expect(described.latestExecutionContext).to.equal('ctx-1');
    expect(described.executionConfiguration).to.deep.equal({
      taskStartToCloseTimeout: '30',
      executionStartToCloseTimeout: '3600',
      taskList: { name: 'deciders' },
      childPolicy: 'TERMINATE',
      lambdaRole: 'role',
    });
    expect(described.executionInfo).to.deep.include({ tagList: ['t1'], executionStatus: 'OPEN', cancelRequested: false });
    const unknown = await faultOf(h.describe('wf', 'not-a-run'));
    expect(unknown.message).to.contain('Unknown execution');
  });

  it('pages history forwards and backwards with maximumPageSize and nextPageToken', async () => {
    const runId = await h.start('wf');
    for (let i = 0; i < 5; i++) await h.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', signalName: `s${i}` });
    const ids = async (reverseOrder: boolean) => {
      const seen: number[] = [];
      let nextPageToken: string | undefined;
      do {
        const page = await h.call('GetWorkflowExecutionHistory', {
          domain: DOMAIN,
          execution: { workflowId: 'wf', runId },
          maximumPageSize: 3,
          reverseOrder,
          nextPageToken,
        });
        expect(page.events.length).to.be.at.most(3);
        seen.push(...page.events.map((e: { eventId: number }) => e.eventId));
        nextPageToken = page.nextPageToken;
      } while (nextPageToken);
      return seen;
    };
    expect(await ids(false)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    const first = await h.call('GetWorkflowExecutionHistory', {
      domain: DOMAIN,
      execution: { workflowId: 'wf', runId },
      maximumPageSize: 5,
    });
    await h.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', signalName: 'late' });
    const rest = await h.call('GetWorkflowExecutionHistory', {
      domain: DOMAIN,
      execution: { workflowId: 'wf', runId },
      maximumPageSize: 5,
      nextPageToken: first.nextPageToken,
    });
    expect(rest.events.map((e: { eventId: number }) => e.eventId)).to.deep.equal([6, 7, 8], 'a token keeps working as the history grows');
    expect(await ids(true)).to.deep.equal([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('lists runs that started at the same moment newest first, as a continue-as-new chain on a still clock does', async () => {
    const t0 = h.clock.now() / 1000;
    const runIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      runIds.push(await h.start('chain'));
      await h.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'chain' });
    }
    const listed = await h.call('ListClosedWorkflowExecutions', {
      domain: DOMAIN,
      startTimeFilter: { oldestDate: t0 },
      executionFilter: { workflowId: 'chain' },
    });
    expect(listed.executionInfos.map((e: { execution: { runId: string } }) => e.execution.runId)).to.deep.equal(runIds.reverse());
  });

  it('lists and counts open and closed executions with every SWF filter', async () => {
    const t0 = h.clock.now() / 1000;
    await h.start('a', { tagList: ['red'] });
    await h.clock.advance(10);
    await h.start('b', { tagList: ['blue'] });
    await h.clock.advance(10);
    await h.start('c');
    await h.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'c' });
    const task = await h.decisionTask();
    await h.decide(task, [complete()]);
    const open = await h.call('ListOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate: t0 } });
    expect(open.executionInfos.map((e: { execution: { workflowId: string } }) => e.execution.workflowId)).to.deep.equal(['b']);
    const count = (action: string, input: object) => h.call(action, { domain: DOMAIN, ...input }).then((r) => r.count);
    expect(await count('CountOpenWorkflowExecutions', { startTimeFilter: { oldestDate: t0 } })).to.equal(1);
    expect(await count('CountClosedWorkflowExecutions', { startTimeFilter: { oldestDate: t0 } })).to.equal(2);
    expect(await count('CountClosedWorkflowExecutions', { startTimeFilter: { oldestDate: t0, latestDate: t0 + 5 } })).to.equal(1);
    expect(await count('CountClosedWorkflowExecutions', { closeTimeFilter: { oldestDate: t0 + 15 } })).to.equal(2);
    expect(
      await count('CountClosedWorkflowExecutions', { startTimeFilter: { oldestDate: t0 }, closeStatusFilter: { status: 'TERMINATED' } }),
    ).to.equal(1);
    expect(await count('CountClosedWorkflowExecutions', { startTimeFilter: { oldestDate: t0 }, tagFilter: { tag: 'red' } })).to.equal(1);
    expect(
      await count('CountClosedWorkflowExecutions', { startTimeFilter: { oldestDate: t0 }, executionFilter: { workflowId: 'c' } }),
    ).to.equal(1);
    expect(
      await count('CountOpenWorkflowExecutions', { startTimeFilter: { oldestDate: t0 }, typeFilter: { name: 'Flow', version: '1' } }),
    ).to.equal(1);
    expect(await count('CountOpenWorkflowExecutions', { startTimeFilter: { oldestDate: t0 }, typeFilter: { name: 'Other' } })).to.equal(0);
    const closed = await h.call('ListClosedWorkflowExecutions', {
      domain: DOMAIN,
      startTimeFilter: { oldestDate: t0 },
      maximumPageSize: 1,
    });
    expect(closed.executionInfos[0].execution.workflowId).to.equal('c', 'newest first');
    const next = await h.call('ListClosedWorkflowExecutions', {
      domain: DOMAIN,
      startTimeFilter: { oldestDate: t0 },
      maximumPageSize: 1,
      nextPageToken: closed.nextPageToken,
    });
    expect(next.executionInfos[0].execution.workflowId).to.equal('a');
    expect(next.executionInfos[0].closeStatus).to.equal('COMPLETED');
    const both = await faultOf(
      h.call('CountClosedWorkflowExecutions', {
        domain: DOMAIN,
        startTimeFilter: { oldestDate: t0 },
        tagFilter: { tag: 'red' },
        executionFilter: { workflowId: 'a' },
      }),
    );
    expect(both.message).to.contain('mutually exclusive');
    const noTime = await faultOf(h.call('ListOpenWorkflowExecutions', { domain: DOMAIN }));
    expect(noTime.message).to.contain('startTimeFilter');
  });

  it('times an execution out after its start-to-close timeout, child policy echoed', async () => {
    const runId = await h.start('wf', { executionStartToCloseTimeout: '120' });
    await h.clock.advance(119);
    expect((await h.describe('wf', runId)).executionInfo.executionStatus).to.equal('OPEN');
    await h.clock.advance(1);
    const timedOut = last(await h.history('wf', runId), 'WorkflowExecutionTimedOut');
    expect(timedOut.workflowExecutionTimedOutEventAttributes).to.deep.equal({ timeoutType: 'START_TO_CLOSE', childPolicy: 'TERMINATE' });
    expect((await h.describe('wf', runId)).executionInfo.closeStatus).to.equal('TIMED_OUT');
  });

  it('forgets a closed execution once the domain retention period is over', async () => {
    const runId = await h.start('wf');
    await h.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'wf' });
    await h.clock.advance(86399);
    expect((await h.describe('wf', runId)).executionInfo.closeStatus).to.equal('TERMINATED');
    await h.clock.advance(1);
    expect((await faultOf(h.describe('wf', runId))).type).to.equal('UnknownResourceFault');
  });

  it('deletes a closed run of a domain with retention 0 or NONE as soon as it closes, as SWF does', async () => {
    for (const retention of ['0', 'NONE']) {
      const domain = `no-retention-${retention}`;
      await h.call('RegisterDomain', { name: domain, workflowExecutionRetentionPeriodInDays: retention });
      await h.call('RegisterWorkflowType', { domain, name: 'Flow', version: '1', defaultTaskList: { name: 'd' } });
      const config = { taskStartToCloseTimeout: '10', executionStartToCloseTimeout: '100', childPolicy: 'TERMINATE' };
      const { runId } = await h.call('StartWorkflowExecution', {
        domain,
        workflowId: 'wf',
        workflowType: { name: 'Flow', version: '1' },
        ...config,
      });
      await h.call('TerminateWorkflowExecution', { domain, workflowId: 'wf' });
      const gone = await faultOf(h.call('DescribeWorkflowExecution', { domain, execution: { workflowId: 'wf', runId } }));
      expect(gone.type, `retention ${retention}`).to.equal('UnknownResourceFault');
      expect((await h.call('CountClosedWorkflowExecutions', { domain, startTimeFilter: { oldestDate: 0 } })).count).to.equal(0);
    }
  });

  it("keeps closed runs of a zero-retention domain with zeroRetention: 'keep'", async () => {
    const keeping = await Harness.create({ zeroRetention: 'keep' });
    await keeping.call('RegisterDomain', { name: 'kept', workflowExecutionRetentionPeriodInDays: '0' });
    await keeping.call('RegisterWorkflowType', { domain: 'kept', name: 'Flow', version: '1', defaultTaskList: { name: 'd' } });
    const config = { taskStartToCloseTimeout: '10', executionStartToCloseTimeout: '100', childPolicy: 'TERMINATE' };
    const { runId } = await keeping.call('StartWorkflowExecution', {
      domain: 'kept',
      workflowId: 'wf',
      workflowType: { name: 'Flow', version: '1' },
      ...config,
    });
    await keeping.call('TerminateWorkflowExecution', { domain: 'kept', workflowId: 'wf' });
    await keeping.clock.advance(90 * 86400);
    const described = await keeping.call('DescribeWorkflowExecution', { domain: 'kept', execution: { workflowId: 'wf', runId } });
    expect(described.executionInfo.closeStatus).to.equal('TERMINATED');
    await keeping.backend.close();
  });

  it('terminates an execution whose history reaches 25,000 events with EVENT_LIMIT_EXCEEDED', async () => {
    const runId = await h.start('wf');
    for (let i = 0; i < 24998; i++) {
      await h.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf', signalName: 's' });
    }
    const events = await h.history('wf', runId);
    expect(events).to.have.length(25001);
    expect(events[25000].workflowExecutionTerminatedEventAttributes).to.deep.equal({
      childPolicy: 'TERMINATE',
      cause: 'EVENT_LIMIT_EXCEEDED',
    });
  });
});
