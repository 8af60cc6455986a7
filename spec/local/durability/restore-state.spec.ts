import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { InProcessLambdaInvoker } from '../../../lib/local/lambda/in-process-lambda-invoker';
import { ACTIVITIES, complete, DOMAIN, faultOf, Harness, last, ROLE, scheduleActivity, type WireEvent } from '../support/backend-harness';

describe('LocalSwfBackend with a state file (restart)', () => {
  let dir: string;
  let db: string;
  let h: Harness;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsflow-restore-'));
    db = join(dir, 'state.db');
    h = await Harness.create({ db });
  });
  afterEach(async () => {
    await h.backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Closes the service and starts a new one on the same file and clock, `outage` seconds later. */
  async function restart(outage = 0, options: ConstructorParameters<typeof Harness>[0] = {}): Promise<void> {
    await h.backend.close();
    await h.clock.advance(outage);
    h = new Harness({ db, clock: h.clock, ...options });
  }

  const ids = (events: WireEvent[]) => events.map((e) => e.eventId);

  it('keeps domains, types, tags and deprecations', async () => {
    const arn = `arn:aws:swf:us-east-1:000000000000:/domain/${DOMAIN}`;
    await h.call('TagResource', { resourceArn: arn, tags: [{ key: 'team', value: 'core' }] });
    await h.call('RegisterDomain', { name: 'old', workflowExecutionRetentionPeriodInDays: '3' });
    await h.call('DeprecateDomain', { name: 'old' });
    await h.call('DeprecateActivityType', { domain: DOMAIN, activityType: { name: 'Work', version: '1' } });
    const before = await h.call('DescribeWorkflowType', { domain: DOMAIN, workflowType: { name: 'Flow', version: '1' } });
    await restart();
    expect(await h.call('DescribeWorkflowType', { domain: DOMAIN, workflowType: { name: 'Flow', version: '1' } })).to.deep.equal(before);
    const activity = await h.call('DescribeActivityType', { domain: DOMAIN, activityType: { name: 'Work', version: '1' } });
    expect(activity.typeInfo.status).to.equal('DEPRECATED');
    expect((await h.call('ListDomains', { registrationStatus: 'DEPRECATED' })).domainInfos[0].name).to.equal('old');
    expect(await h.call('ListTagsForResource', { resourceArn: arn })).to.deep.equal({ tags: [{ key: 'team', value: 'core' }] });
  });

  it('keeps a closed history whole, with contiguous event ids', async () => {
    const runId = await h.start();
    await h.decide(await h.decisionTask(), [complete('"done"')]);
    const before = await h.history('wf-1', runId);
    await restart();
    const after = await h.history('wf-1', runId);
    expect(after).to.deep.equal(before);
    expect(ids(after)).to.deep.equal(after.map((_, i) => i + 1));
    expect((await h.describe('wf-1', runId)).executionInfo.closeStatus).to.equal('COMPLETED');
  });

  it('hands a scheduled decision task out again, and the run carries on to completion', async () => {
    const runId = await h.start();
    await restart(5);
    const task = await h.decisionTask();
    expect(task.workflowExecution).to.deep.equal({ workflowId: 'wf-1', runId });
    await h.decide(task, [scheduleActivity('a1')]);
    await restart(5);
    const activity = await h.activityTask(ACTIVITIES);
    await h.call('RespondActivityTaskCompleted', { taskToken: activity.taskToken, result: '"r"' });
    await h.decide(await h.decisionTask(), [complete('"ok"')]);
    const types = await h.eventTypes('wf-1', runId);
    expect(types.at(-1)).to.equal('WorkflowExecutionCompleted');
    expect(types.filter((t) => t === 'ActivityTaskStarted')).to.have.length(1);
  });

  it('keeps a started task started: its token still works after the restart', async () => {
    await h.start();
    const task = await h.decisionTask();
    await h.decide(task, [scheduleActivity('a1')]);
    const activity = await h.activityTask(ACTIVITIES);
    await restart(1);
    const pending = await h.call('CountPendingActivityTasks', { domain: DOMAIN, taskList: { name: ACTIVITIES } });
    expect(pending.count, 'a started task is not handed out again before it times out').to.equal(0);
    expect(await h.call('RecordActivityTaskHeartbeat', { taskToken: activity.taskToken, details: 'half' })).to.deep.equal({
      cancelRequested: false,
    });
    await h.call('RespondActivityTaskCompleted', { taskToken: activity.taskToken, result: '"r"' });
    const next = await h.decisionTask();
    expect(next.events!.map((e: WireEvent) => e.eventType)).to.include('ActivityTaskCompleted');
  });

  it("resumes an activity's start-to-close timeout from its original deadline", async () => {
    const runId = await h.start();
    await h.decide(await h.decisionTask(), [scheduleActivity('a1', { startToCloseTimeout: '100' })]);
    await h.activityTask(ACTIVITIES);
    await restart(60);
    await h.clock.advance(39);
    expect(await h.eventTypes('wf-1', runId)).to.not.include('ActivityTaskTimedOut');
    await h.clock.advance(1);
    expect(await h.eventTypes('wf-1', runId)).to.include('ActivityTaskTimedOut');
  });

  it('resumes a heartbeat timeout from the last heartbeat before the restart', async () => {
    const runId = await h.start();
    await h.decide(await h.decisionTask(), [scheduleActivity('a1', { heartbeatTimeout: '10' })]);
    const activity = await h.activityTask(ACTIVITIES);
    await h.clock.advance(5);
    await h.call('RecordActivityTaskHeartbeat', { taskToken: activity.taskToken, details: 'half way' });
    await restart(3);
    await h.clock.advance(6);
    expect(await h.eventTypes('wf-1', runId)).to.not.include('ActivityTaskTimedOut');
    await h.clock.advance(1);
    const timedOut = last(await h.history('wf-1', runId), 'ActivityTaskTimedOut');
    expect(timedOut.activityTaskTimedOutEventAttributes).to.include({ timeoutType: 'HEARTBEAT', details: 'half way' });
  });

  it('calls a Lambda function again after a restart that interrupted it', async () => {
    h.lambdas.register('slow', () => new Promise(() => undefined));
    const runId = await h.start('wf-1', { lambdaRole: ROLE });
    await h.decide(await h.decisionTask(), [
      { decisionType: 'ScheduleLambdaFunction', scheduleLambdaFunctionDecisionAttributes: { id: 'l1', name: 'slow', input: '"x"' } },
    ]);
    await restart(1, { lambdaInvoker: new InProcessLambdaInvoker().register('slow', (input) => `again ${String(input)}`) });
    await h.clock.advance(0);
    const completed = last(await h.history('wf-1', runId), 'LambdaFunctionCompleted');
    expect(completed.lambdaFunctionCompletedEventAttributes!.result).to.equal('"again x"');
  });

  it('fires at once a timer that fell due while the service was down', async () => {
    const runId = await h.start();
    await h.decide(await h.decisionTask(), [
      { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't1', startToFireTimeout: '30' } },
    ]);
    await restart(3600);
    await h.clock.advance(0);
    const events = await h.history('wf-1', runId);
    const fired = events.find((e) => e.eventType === 'TimerFired')!;
    expect(fired).to.exist;
    expect(ids(events)).to.deep.equal(events.map((_, i) => i + 1));
  });

  it('honours a history page token issued before the restart', async () => {
    const runId = await h.start();
    const first = await h.call('GetWorkflowExecutionHistory', {
      domain: DOMAIN,
      execution: { workflowId: 'wf-1', runId },
      maximumPageSize: 1,
    });
    await restart();
    const second = await h.call('GetWorkflowExecutionHistory', {
      domain: DOMAIN,
      execution: { workflowId: 'wf-1', runId },
      maximumPageSize: 1,
      nextPageToken: first.nextPageToken,
    });
    expect(second.events[0].eventId).to.equal(2);
  });

  it("still names an abandoned child's parent after the parent's record is gone and the service restarted", async () => {
    const parentRunId = await h.start('parent', { childPolicy: 'ABANDON' });
    await h.decide(await h.decisionTask(), [
      {
        decisionType: 'StartChildWorkflowExecution',
        startChildWorkflowExecutionDecisionAttributes: {
          workflowId: 'child',
          workflowType: { name: 'Flow', version: '1' },
          executionStartToCloseTimeout: '200000',
        },
      },
    ]);
    // The child's first decision task comes first; the parent's follows it.
    const childTask = await h.decisionTask();
    expect(childTask.workflowExecution!.workflowId).to.equal('child');
    await h.decide(await h.decisionTask(), [complete()]);
    await restart(86400);
    await h.clock.advance(0);
    expect((await faultOf(h.describe('parent', parentRunId))).type).to.equal('UnknownResourceFault');
    await restart();
    const described = await h.describe('child', childTask.workflowExecution!.runId!);
    expect(described.executionInfo.parent).to.deep.equal({ workflowId: 'parent', runId: parentRunId });
  });

  it('deletes a closed run once its retention is over, also across a restart', async () => {
    const runId = await h.start();
    await h.decide(await h.decisionTask(), [complete()]);
    await restart(86400 - 10);
    expect((await h.describe('wf-1', runId)).executionInfo.closeStatus).to.equal('COMPLETED');
    await h.clock.advance(10);
    expect((await faultOf(h.describe('wf-1', runId))).type).to.equal('UnknownResourceFault');
    await restart();
    expect((await faultOf(h.describe('wf-1', runId))).type).to.equal('UnknownResourceFault');
  });
});
