import type { Decision } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import {
  Activity,
  ActivityFailure,
  CancelledFailure,
  ChildWorkflow,
  ChildWorkflowFailure,
  Lambda,
  LambdaFailure,
  ResultDecodingFailure,
  ScheduleFailure,
  TimeoutFailure,
  TsflowError,
  Workflow,
  WorkflowCallFailure,
  WorkflowContext,
  WorkflowFailed,
  type ActivityCall,
  type ChildWorkflowCall,
  type LambdaCall,
} from '../../index';
import { decide } from '../../engine';
import { HistoryBuilder, decisionTypes, raw } from '../helpers';

type Kind = 'lambda' | 'activity' | 'child' | 'timer';

/** Makes one call of the given kind and reports what it threw, field by field. */
@Workflow('Failing', '1')
class Failing {
  @Lambda('work') work!: LambdaCall<string, string>;
  @Activity({ name: 'charge', version: '1' }, { taskList: 'billing', startToCloseTimeout: 60 }) charge!: ActivityCall<string, string>;
  @ChildWorkflow({ name: 'Child', version: '1' }) child!: ChildWorkflowCall<string, string>;

  constructor(private readonly flow: WorkflowContext) {}

  async run(kind: Kind): Promise<Record<string, unknown>> {
    try {
      const call = {
        lambda: () => this.work('x'),
        activity: () => this.charge('x'),
        child: () => this.child('x'),
        timer: () => this.flow.sleep(5),
      }[kind];
      return { value: await call() };
    } catch (error) {
      const e = error as WorkflowCallFailure & Record<string, unknown>;
      return {
        name: e.name,
        callFailure: e instanceof WorkflowCallFailure && e instanceof TsflowError,
        callId: e.callId,
        eventId: e.eventId,
        ...Object.fromEntries(['reason', 'details', 'cause', 'timeoutType'].filter((k) => e[k] !== undefined).map((k) => [k, e[k]])),
      };
    }
  }
}

const ids: Record<Kind, string> = { lambda: 'lambda1', activity: 'activity1', child: 'test-workflow-child1', timer: 'timer1' };

/** Runs the first task, lets `then` write what SWF reports, and returns the outcome the workflow reached. */
async function outcome(kind: Kind, then: (h: HistoryBuilder, first: Decision[]) => HistoryBuilder): Promise<Record<string, unknown>> {
  const h = HistoryBuilder.start(kind, { workflowType: { name: 'Failing', version: '1' } }).decisionTask();
  const first = await decide(Failing, h.task());
  then(h, first.decisions).decisionTask();
  const { decisions } = await decide(Failing, h.task());
  expect(decisionTypes(decisions)).to.deep.equal(['CompleteWorkflowExecution']);
  return JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!) as Record<string, unknown>;
}

describe('Failures reaching the workflow', () => {
  it('LambdaFailure carries the reason and details of LambdaFunctionFailed', async () => {
    const seen = await outcome('lambda', (h, d) =>
      h.completed(d).lambdaStarted('lambda1').lambdaFailed('lambda1', 'UnhandledError', '{"errorType":"TypeError"}'),
    );
    expect(seen).to.deep.equal({
      name: LambdaFailure.name,
      callFailure: true,
      callId: 'lambda1',
      eventId: 7,
      reason: 'UnhandledError',
      details: '{"errorType":"TypeError"}',
    });
  });

  it('ActivityFailure carries the reason and details its worker reported', async () => {
    const seen = await outcome('activity', (h, d) =>
      h.completed(d).activityStarted('activity1').activityFailed('activity1', 'CardDeclined', 'card 42'),
    );
    expect(seen).to.include({
      name: ActivityFailure.name,
      callFailure: true,
      callId: 'activity1',
      reason: 'CardDeclined',
      details: 'card 42',
    });
  });

  it('ChildWorkflowFailure carries the child’s reason and details, and reports a terminated child', async () => {
    const failed = await outcome('child', (h, d) => h.completed(d).childStarted(ids.child).childFailed(ids.child, 'Boom', 'stack'));
    expect(failed).to.include({ name: ChildWorkflowFailure.name, callId: ids.child, reason: 'Boom', details: 'stack' });
    const terminated = await outcome('child', (h, d) => h.completed(d).childStarted(ids.child).childTerminated(ids.child));
    expect(terminated).to.include({ name: ChildWorkflowFailure.name, reason: 'ChildWorkflowExecutionTerminated' });
  });

  it('TimeoutFailure carries the timeout type of an activity, a Lambda and a child', async () => {
    const activity = await outcome('activity', (h, d) =>
      h.completed(d).activityStarted('activity1').activityTimedOut('activity1', 'HEARTBEAT', 'step 3'),
    );
    expect(activity).to.include({ name: TimeoutFailure.name, timeoutType: 'HEARTBEAT', details: 'step 3', callId: 'activity1' });
    const lambda = await outcome('lambda', (h, d) => h.completed(d).lambdaStarted('lambda1').lambdaTimedOut('lambda1'));
    expect(lambda).to.include({ name: TimeoutFailure.name, timeoutType: 'START_TO_CLOSE' });
    const child = await outcome('child', (h, d) => h.completed(d).childStarted(ids.child).childTimedOut(ids.child));
    expect(child).to.include({ name: TimeoutFailure.name, timeoutType: 'START_TO_CLOSE' });
  });

  it('ScheduleFailure carries SWF’s cause when a decision is refused or a Lambda cannot start', async () => {
    const activity = await outcome('activity', (h, d) => h.completedWith(d, { 0: 'ACTIVITY_TYPE_DOES_NOT_EXIST' }));
    expect(activity).to.include({ name: ScheduleFailure.name, cause: 'ACTIVITY_TYPE_DOES_NOT_EXIST', callId: 'activity1' });
    const child = await outcome('child', (h, d) => h.completedWith(d, { 0: 'WORKFLOW_TYPE_DOES_NOT_EXIST' }));
    expect(child).to.include({ name: ScheduleFailure.name, cause: 'WORKFLOW_TYPE_DOES_NOT_EXIST' });
    const timer = await outcome('timer', (h, d) => h.completedWith(d, { 0: 'TIMER_CREATION_RATE_EXCEEDED' }));
    expect(timer).to.include({ name: ScheduleFailure.name, cause: 'TIMER_CREATION_RATE_EXCEEDED', callId: 'timer1' });
    const lambda = await outcome('lambda', (h, d) => h.completedWith(d, { 0: 'ID_ALREADY_IN_USE' }));
    expect(lambda).to.include({ name: ScheduleFailure.name, cause: 'ID_ALREADY_IN_USE' });
    const start = await outcome('lambda', (h, d) => h.completed(d).startLambdaFailed('lambda1', 'ASSUME_ROLE_FAILED', 'no role'));
    expect(start).to.include({ name: ScheduleFailure.name, cause: 'ASSUME_ROLE_FAILED' });
  });

  it('CancelledFailure reports an activity or child that SWF canceled', async () => {
    const activity = await outcome('activity', (h, d) =>
      h.completed(d).activityStarted('activity1').activityCanceled('activity1', 'shutting down'),
    );
    expect(activity).to.include({ name: CancelledFailure.name, details: 'shutting down' });
    const child = await outcome('child', (h, d) => h.completed(d).childStarted(ids.child).childCanceled(ids.child, 'bye'));
    expect(child).to.include({ name: CancelledFailure.name, details: 'bye' });
  });

  it('ResultDecodingFailure rejects the call whose result is not JSON, and the engine carries on', async () => {
    const seen = await outcome('lambda', (h, d) => h.completed(d).lambdaStarted('lambda1').lambdaCompleted('lambda1', raw('{"half":')));
    expect(seen).to.include({ name: ResultDecodingFailure.name, callId: 'lambda1' });
  });

  it('a result arrives as the decoded JSON value', async () => {
    const seen = await outcome('activity', (h, d) =>
      h
        .completed(d)
        .activityStarted('activity1')
        .activityCompleted('activity1', { ok: [1, 2] }),
    );
    expect(seen).to.deep.equal({ value: { ok: [1, 2] } });
  });
});

@Workflow('Outcomes', '1')
class Outcomes {
  async run(how: string): Promise<string> {
    if (how === 'workflow-failed') throw new WorkflowFailed('OrderRejected', '{"orderId":7}');
    if (how === 'error') throw new RangeError('amount out of range');
    if (how === 'string') throw 'plain string';
    return `ok ${how}`;
  }
}

describe('Outcomes', () => {
  const run = async (input: unknown) => {
    const h = HistoryBuilder.start(input, { workflowType: { name: 'Outcomes', version: '1' } }).decisionTask();
    return decide(Outcomes, h.task());
  };

  it('completes with the JSON of what run returned', async () => {
    const result = await run('fine');
    expect(result.decisions).to.deep.equal([
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"ok fine"' } },
    ]);
    expect(result.status).to.equal('completed');
  });

  it('fails with the reason and details of WorkflowFailed', async () => {
    const { decisions, failureReason } = await run('workflow-failed');
    expect(decisions).to.deep.equal([
      {
        decisionType: 'FailWorkflowExecution',
        failWorkflowExecutionDecisionAttributes: { reason: 'OrderRejected', details: '{"orderId":7}' },
      },
    ]);
    expect(failureReason).to.equal('OrderRejected');
  });

  it('fails with name and message as reason and the stack as details for any other error', async () => {
    const { decisions } = await run('error');
    const attrs = decisions[0].failWorkflowExecutionDecisionAttributes!;
    expect(attrs.reason).to.equal('RangeError: amount out of range');
    expect(attrs.details).to.match(/^RangeError: amount out of range\n\s+at /);
    expect((await run('string')).decisions[0].failWorkflowExecutionDecisionAttributes!.reason).to.equal('Error: plain string');
  });
});
