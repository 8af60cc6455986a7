import { expect } from 'chai';
import type { PermissionRequest } from '../../../lib/local/permissions';
import { complete, DECISIONS, DOMAIN, faultOf, Harness, last, scheduleActivity } from '../support/backend-harness';

describe('LocalSwfBackend emulated permissions', () => {
  const denied = new Set<string>();
  let h: Harness;
  beforeEach(async () => {
    denied.clear();
    h = await Harness.create({ permissions: (r: PermissionRequest) => !denied.has(r.decisionType ?? `${r.action}@${r.domain}`) });
  });
  afterEach(() => h.backend.close());

  it('fails a denied action with OperationNotPermittedFault naming it and the domain', async () => {
    denied.add(`StartWorkflowExecution@${DOMAIN}`);
    const fault = await faultOf(h.start());
    expect(fault.type).to.equal('OperationNotPermittedFault');
    expect(fault.message).to.equal(`Not authorized to perform swf:StartWorkflowExecution on domain ${DOMAIN}`);
    denied.add(`DescribeDomain@${DOMAIN}`);
    expect((await faultOf(h.call('DescribeDomain', { name: DOMAIN }))).type).to.equal('OperationNotPermittedFault');
  });

  it('records a denied decision as its *Failed event with OPERATION_NOT_PERMITTED', async () => {
    const runId = await h.start('wf');
    for (const type of ['StartTimer', 'RecordMarker', 'CompleteWorkflowExecution']) denied.add(type);
    await h.decide(await h.decisionTask(), [
      { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't', startToFireTimeout: '5' } },
      { decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: 'm' } },
      complete(),
    ]);
    const events = await h.history('wf', runId);
    expect(last(events, 'StartTimerFailed').startTimerFailedEventAttributes).to.deep.equal({
      timerId: 't',
      cause: 'OPERATION_NOT_PERMITTED',
      decisionTaskCompletedEventId: 4,
    });
    expect(last(events, 'RecordMarkerFailed').recordMarkerFailedEventAttributes!.cause).to.equal('OPERATION_NOT_PERMITTED');
    expect(last(events, 'CompleteWorkflowExecutionFailed').completeWorkflowExecutionFailedEventAttributes!.cause).to.equal(
      'OPERATION_NOT_PERMITTED',
    );
    expect((await h.describe('wf', runId)).executionInfo.executionStatus).to.equal('OPEN');
  });

  describe('task tokens', () => {
    const OTHER = 'other-domain';
    beforeEach(() => h.call('RegisterDomain', { name: OTHER, workflowExecutionRetentionPeriodInDays: '1' }));

    it('refuses a history page token of one domain in a poll naming another', async () => {
      await h.start('wf');
      const task = await h.decisionTask(DECISIONS, { maximumPageSize: 1 });
      expect(task.nextPageToken).to.be.a('string');
      const fault = await faultOf(
        h.call('PollForDecisionTask', {
          domain: OTHER,
          taskList: { name: DECISIONS },
          nextPageToken: task.nextPageToken,
          maximumPageSize: 1,
        }),
      );
      expect(fault.type).to.equal('UnknownResourceFault');
      expect(fault.message).to.equal(`This nextPageToken belongs to a decision task of domain ${DOMAIN}, not ${OTHER}`);
    });

    it('checks the token’s domain on every token action, though the request names none', async () => {
      const runId = await h.start('wf');
      await h.decide(await h.decisionTask(), [scheduleActivity('a1'), scheduleActivity('a2')]);
      const first = await h.activityTask();
      const second = await h.activityTask();
      await h.call('RespondActivityTaskFailed', { taskToken: second.taskToken, reason: 'allowed' });
      for (const action of [
        'RespondActivityTaskCompleted',
        'RespondActivityTaskFailed',
        'RespondActivityTaskCanceled',
        'RecordActivityTaskHeartbeat',
      ]) {
        denied.add(`${action}@${DOMAIN}`);
        const fault = await faultOf(h.call(action, { taskToken: first.taskToken }));
        expect(fault.type, action).to.equal('OperationNotPermittedFault');
        expect(fault.message).to.equal(`Not authorized to perform swf:${action} on domain ${DOMAIN}`);
      }
      const types = await h.eventTypes('wf', runId);
      expect(
        types.filter((t) => t.startsWith('ActivityTask') && t !== 'ActivityTaskScheduled' && t !== 'ActivityTaskStarted'),
      ).to.deep.equal(['ActivityTaskFailed']);
    });

    it('checks the token’s domain when a decision task is answered', async () => {
      await h.start('wf');
      const task = await h.decisionTask();
      denied.add(`RespondDecisionTaskCompleted@${DOMAIN}`);
      const fault = await faultOf(h.decide(task, [complete()]));
      expect(fault.type).to.equal('OperationNotPermittedFault');
      expect(fault.message).to.equal(`Not authorized to perform swf:RespondDecisionTaskCompleted on domain ${DOMAIN}`);
    });
  });
});
