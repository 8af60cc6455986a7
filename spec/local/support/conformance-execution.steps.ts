import * as sdk from '@aws-sdk/client-swf';
import {
  DefaultUndefinedFault,
  UnknownResourceFault,
  WorkflowExecutionAlreadyStartedFault,
  type Decision,
  type SWFClient,
  type WorkflowExecution,
} from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { ACT, CHILD, D, MAIN, ROLE, type SessionTarget } from './conformance-fixture';
import { eventsOf, expectFault, fullHistory, has, historyWhen, pollDecision } from './swf-session-helpers';

/**
 * The execution half of the conformance session: one parent, two children and
 * an outside execution, driven decision by decision through all 13 decision types.
 */
export function executionSteps(target: () => SessionTarget): void {
  let swf: SWFClient;
  let main1: WorkflowExecution;
  let main2: WorkflowExecution;
  let child1: WorkflowExecution;
  let child2: WorkflowExecution;
  let a2Token: string;

  const respond = async (taskToken: string, decisions: Decision[], executionContext?: string): Promise<void> => {
    decisions.forEach((d) => target().decisions.add(d.decisionType as string));
    await swf.send(new sdk.RespondDecisionTaskCompletedCommand({ taskToken, decisions, executionContext }));
  };

  before(() => {
    swf = target().swf;
  });

  it('starts an execution with the type defaults echoed, refusing a duplicate id and a missing default', async () => {
    const started = await swf.send(
      new sdk.StartWorkflowExecutionCommand({
        domain: D,
        workflowId: 'main-1',
        workflowType: MAIN,
        input: '{"n":1}',
        tagList: ['conformance'],
      }),
    );
    main1 = { workflowId: 'main-1', runId: started.runId };
    await expectFault(
      swf.send(new sdk.StartWorkflowExecutionCommand({ domain: D, workflowId: 'main-1', workflowType: MAIN })),
      WorkflowExecutionAlreadyStartedFault,
    );
    await swf.send(new sdk.RegisterWorkflowTypeCommand({ domain: D, name: 'NoDefaults', version: '1' }));
    await expectFault(
      swf.send(
        new sdk.StartWorkflowExecutionCommand({ domain: D, workflowId: 'nd-1', workflowType: { name: 'NoDefaults', version: '1' } }),
      ),
      DefaultUndefinedFault,
    );
    const pending = await swf.send(new sdk.CountPendingDecisionTasksCommand({ domain: D, taskList: { name: 'deciders' } }));
    expect(pending.count).to.equal(1);
  });

  it('first decision: schedules activities, timers, a marker, a Lambda function and two children', async () => {
    const task = await pollDecision(swf, D, 'deciders');
    expect(task.workflowExecution).to.deep.equal(main1);
    expect(task.previousStartedEventId).to.equal(0);
    expect(task.events?.map((e) => e.eventType)).to.deep.equal([
      'WorkflowExecutionStarted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
    ]);
    expect(task.events?.[0].workflowExecutionStartedEventAttributes).to.include({
      input: '{"n":1}',
      executionStartToCloseTimeout: '3600',
      taskStartToCloseTimeout: '30',
      childPolicy: 'TERMINATE',
      lambdaRole: ROLE,
    });
    expect(task.events?.[0].eventTimestamp).to.deep.equal(new Date(target().clock.now()));
    const schedule = (id: string, input: string): Decision => ({
      decisionType: 'ScheduleActivityTask',
      scheduleActivityTaskDecisionAttributes: { activityId: id, activityType: ACT, input },
    });
    const startChild = (workflowId: string, input: string): Decision => ({
      decisionType: 'StartChildWorkflowExecution',
      startChildWorkflowExecutionDecisionAttributes: { workflowId, workflowType: CHILD, input },
    });
    await respond(
      task.taskToken,
      [
        schedule('a1', 'one'),
        schedule('a2', 'two'),
        schedule('a3', 'three'),
        { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't1', startToFireTimeout: '60' } },
        { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't2', startToFireTimeout: '600' } },
        { decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: 'checkpoint', details: 'step 1' } },
        { decisionType: 'ScheduleLambdaFunction', scheduleLambdaFunctionDecisionAttributes: { id: 'l1', name: 'upcase', input: '"hi"' } },
        startChild('child-1', 'c1'),
        startChild('child-2', 'c2'),
      ],
      'turn-1',
    );
    const events = await historyWhen(swf, D, main1, has('LambdaFunctionCompleted'), 'the Lambda function');
    expect(eventsOf(events, 'LambdaFunctionCompleted')[0].lambdaFunctionCompletedEventAttributes?.result).to.equal('"HI"');
    expect(eventsOf(events, 'ActivityTaskScheduled')[0].activityTaskScheduledEventAttributes).to.include({
      activityId: 'a1',
      scheduleToCloseTimeout: '600',
      heartbeatTimeout: '200',
    });
    expect(eventsOf(events, 'MarkerRecorded')[0].markerRecordedEventAttributes).to.include({ markerName: 'checkpoint', details: 'step 1' });
    expect(eventsOf(events, 'TimerStarted').map((e) => e.timerStartedEventAttributes?.timerId)).to.deep.equal(['t1', 't2']);

    const described = await swf.send(new sdk.DescribeWorkflowExecutionCommand({ domain: D, execution: main1 }));
    expect(described.openCounts).to.include({ openActivityTasks: 3, openTimers: 2, openChildWorkflowExecutions: 2 });
    expect(described.latestExecutionContext).to.equal('turn-1');
    const open = await swf.send(
      new sdk.ListOpenWorkflowExecutionsCommand({
        domain: D,
        startTimeFilter: { oldestDate: new Date(0) },
        tagFilter: { tag: 'conformance' },
      }),
    );
    expect(open.executionInfos?.map((x) => x.execution)).to.deep.equal([main1]);
    const openCount = await swf.send(
      new sdk.CountOpenWorkflowExecutionsCommand({ domain: D, startTimeFilter: { oldestDate: new Date(0) } }),
    );
    expect(openCount.count).to.equal(3);
  });

  it('hands out activity tasks, records heartbeats, completes and fails them', async () => {
    const counted = await swf.send(new sdk.CountPendingActivityTasksCommand({ domain: D, taskList: { name: 'acts' } }));
    expect(counted.count).to.equal(3);
    const tasks = new Map<string, string>();
    for (let i = 0; i < 3; i++) {
      const task = await swf.send(new sdk.PollForActivityTaskCommand({ domain: D, taskList: { name: 'acts' }, identity: 'worker' }));
      expect(task.workflowExecution).to.deep.equal(main1);
      tasks.set(task.activityId as string, task.taskToken as string);
    }
    expect([...tasks.keys()]).to.have.members(['a1', 'a2', 'a3']);
    const beat = await swf.send(new sdk.RecordActivityTaskHeartbeatCommand({ taskToken: tasks.get('a1'), details: '50%' }));
    expect(beat.cancelRequested).to.equal(false);
    await swf.send(new sdk.RespondActivityTaskCompletedCommand({ taskToken: tasks.get('a1'), result: 'r1' }));
    await expectFault(
      swf.send(new sdk.RespondActivityTaskCompletedCommand({ taskToken: tasks.get('a1'), result: 'again' })),
      UnknownResourceFault,
    );
    await swf.send(new sdk.RespondActivityTaskFailedCommand({ taskToken: tasks.get('a3'), reason: 'bad', details: 'dd' }));
    a2Token = tasks.get('a2') as string;
  });

  it('runs the children: one fails, one waits; a signal arrives and a timer fires', async () => {
    const first = await pollDecision(swf, D, 'child-deciders');
    const second = await pollDecision(swf, D, 'child-deciders');
    const byId = new Map([first, second].map((t) => [t.workflowExecution?.workflowId, t]));
    const c1 = byId.get('child-1');
    const c2 = byId.get('child-2');
    expect(c1?.events?.[0].workflowExecutionStartedEventAttributes?.parentWorkflowExecution).to.deep.equal(main1);
    child1 = c1?.workflowExecution as WorkflowExecution;
    child2 = c2?.workflowExecution as WorkflowExecution;
    await respond(c2?.taskToken as string, [
      { decisionType: 'FailWorkflowExecution', failWorkflowExecutionDecisionAttributes: { reason: 'child failed', details: 'why' } },
    ]);
    await respond(c1?.taskToken as string, []);
    await swf.send(new sdk.SignalWorkflowExecutionCommand({ domain: D, workflowId: 'main-1', signalName: 'poke', input: 'p' }));
    await target().clock.advance(61);
    const events = await historyWhen(swf, D, main1, has('ChildWorkflowExecutionFailed', 'TimerFired'), 'the child failure and t1');
    expect(eventsOf(events, 'ChildWorkflowExecutionFailed')[0].childWorkflowExecutionFailedEventAttributes).to.include({
      reason: 'child failed',
      details: 'why',
    });
    expect(eventsOf(events, 'TimerFired')[0].timerFiredEventAttributes?.timerId).to.equal('t1');
    expect(eventsOf(events, 'WorkflowExecutionSignaled')[0].workflowExecutionSignaledEventAttributes).to.include({ signalName: 'poke' });
  });

  it('second decision: cancels an activity and a timer, signals and cancels a child', async () => {
    const task = await pollDecision(swf, D, 'deciders');
    expect(task.previousStartedEventId).to.equal(3);
    const seen = new Set(task.events?.map((e) => e.eventType));
    for (const type of [
      'ActivityTaskCompleted',
      'ActivityTaskFailed',
      'ChildWorkflowExecutionStarted',
      'ChildWorkflowExecutionFailed',
      'TimerFired',
    ]) {
      expect(seen, type).to.include(type);
    }
    await respond(task.taskToken, [
      { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'a2' } },
      { decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: 't2' } },
      {
        decisionType: 'SignalExternalWorkflowExecution',
        signalExternalWorkflowExecutionDecisionAttributes: { ...child1, signalName: 'hello', input: 'h' },
      },
      { decisionType: 'RequestCancelExternalWorkflowExecution', requestCancelExternalWorkflowExecutionDecisionAttributes: { ...child1 } },
    ]);
    const beat = await swf.send(new sdk.RecordActivityTaskHeartbeatCommand({ taskToken: a2Token }));
    expect(beat.cancelRequested).to.equal(true);
    await swf.send(new sdk.RespondActivityTaskCanceledCommand({ taskToken: a2Token, details: 'stopped' }));
    const events = await historyWhen(
      swf,
      D,
      main1,
      has('TimerCanceled', 'ExternalWorkflowExecutionSignaled', 'ExternalWorkflowExecutionCancelRequested', 'ActivityTaskCanceled'),
      'the cancellations and the signal',
    );
    expect(eventsOf(events, 'ActivityTaskCanceled')[0].activityTaskCanceledEventAttributes?.details).to.equal('stopped');
  });

  it('the cancelled child cancels itself; the parent continues as new, and the new run completes', async () => {
    const c1 = await pollDecision(swf, D, 'child-deciders');
    const seen = c1.events?.map((e) => e.eventType);
    expect(seen).to.include.members(['WorkflowExecutionSignaled', 'WorkflowExecutionCancelRequested']);
    await respond(c1.taskToken, [
      { decisionType: 'CancelWorkflowExecution', cancelWorkflowExecutionDecisionAttributes: { details: 'bye' } },
    ]);
    await historyWhen(swf, D, main1, has('ChildWorkflowExecutionCanceled'), 'the child cancellation');

    const turn3 = await pollDecision(swf, D, 'deciders');
    expect(turn3.workflowExecution).to.deep.equal(main1);
    await respond(turn3.taskToken, [
      { decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { input: '{"n":2}' } },
    ]);
    const turn4 = await pollDecision(swf, D, 'deciders');
    main2 = turn4.workflowExecution as WorkflowExecution;
    expect(main2.workflowId).to.equal('main-1');
    expect(main2.runId).to.not.equal(main1.runId);
    expect(turn4.events?.[0].workflowExecutionStartedEventAttributes).to.include({
      input: '{"n":2}',
      continuedExecutionRunId: main1.runId,
    });
    await respond(turn4.taskToken, [
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: 'done' } },
    ]);
    const closed = await swf.send(new sdk.DescribeWorkflowExecutionCommand({ domain: D, execution: main2 }));
    expect(closed.executionInfo).to.include({ executionStatus: 'CLOSED', closeStatus: 'COMPLETED' });
    const first = await swf.send(new sdk.DescribeWorkflowExecutionCommand({ domain: D, execution: main1 }));
    expect(first.executionInfo?.closeStatus).to.equal('CONTINUED_AS_NEW');
    expect(
      (await swf.send(new sdk.DescribeWorkflowExecutionCommand({ domain: D, execution: child2 }))).executionInfo?.closeStatus,
    ).to.equal('FAILED');
  });

  it('requests cancellation of and terminates an execution from outside', async () => {
    const { runId } = await swf.send(
      new sdk.StartWorkflowExecutionCommand({ domain: D, workflowId: 'other-1', workflowType: MAIN, taskList: { name: 'other' } }),
    );
    const other = { workflowId: 'other-1', runId };
    await swf.send(new sdk.RequestCancelWorkflowExecutionCommand({ domain: D, workflowId: 'other-1' }));
    await swf.send(new sdk.TerminateWorkflowExecutionCommand({ domain: D, workflowId: 'other-1', reason: 'enough', details: 'stop' }));
    const events = await fullHistory(swf, D, other);
    expect(events.map((e) => e.eventType)).to.include.members(['WorkflowExecutionCancelRequested', 'WorkflowExecutionTerminated']);
    expect(eventsOf(events, 'WorkflowExecutionTerminated')[0].workflowExecutionTerminatedEventAttributes).to.include({
      reason: 'enough',
      details: 'stop',
    });
  });

  it('pages history both ways and lists and counts closed executions by status', async () => {
    const all = await fullHistory(swf, D, main1);
    const page = await swf.send(new sdk.GetWorkflowExecutionHistoryCommand({ domain: D, execution: main1, maximumPageSize: 5 }));
    expect(page.events?.map((e) => e.eventId)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(page.nextPageToken).to.be.a('string');
    const reversed = await swf.send(
      new sdk.GetWorkflowExecutionHistoryCommand({ domain: D, execution: main1, maximumPageSize: 2, reverseOrder: true }),
    );
    expect(reversed.events?.map((e) => e.eventId)).to.deep.equal([all.length, all.length - 1]);
    expect(reversed.events?.[0].eventType).to.equal('WorkflowExecutionContinuedAsNew');

    const since = { startTimeFilter: { oldestDate: new Date(0) } };
    const completed = await swf.send(
      new sdk.ListClosedWorkflowExecutionsCommand({ domain: D, ...since, closeStatusFilter: { status: 'COMPLETED' } }),
    );
    expect(completed.executionInfos?.map((x) => x.execution)).to.deep.equal([main2]);
    const closedCount = await swf.send(new sdk.CountClosedWorkflowExecutionsCommand({ domain: D, ...since }));
    expect(closedCount.count).to.equal(5); // main-1 twice, child-1, child-2, other-1
    const stillOpen = await swf.send(new sdk.CountOpenWorkflowExecutionsCommand({ domain: D, ...since }));
    expect(stillOpen.count).to.equal(0);
  });
}
