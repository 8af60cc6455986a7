import { expect } from 'chai';
import type { PermissionRequest } from '../../../lib/local/permissions';
import { complete, DOMAIN, faultOf, Harness, last } from '../support/backend-harness';

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
});
