import type { Decision } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { settle } from '../../../lib/local/manual-clock';
import { DOMAIN, Harness, last, ROLE, type WireEvent } from '../support/backend-harness';

describe('LocalSwfBackend Lambda tasks', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    h.lambdas
      .register('upcase', (s) => String(s).toUpperCase())
      .register('boom', () => {
        throw new RangeError('too big');
      })
      .register('forever', () => new Promise(() => undefined));
  });
  afterEach(() => h.backend.close());

  const lambda = (id: string, name: string, extra: object = {}): Decision => ({
    decisionType: 'ScheduleLambdaFunction',
    scheduleLambdaFunctionDecisionAttributes: { id, name, input: '"hi"', ...extra },
  });
  /** Starts `wf`, answers its first decision task with `decisions`, lets the calls run; returns the history. */
  let runId: string;
  const run = async (decisions: Decision[], start: Record<string, unknown> = { lambdaRole: ROLE }): Promise<WireEvent[]> => {
    runId = await h.start('wf', start);
    await h.decide(await h.decisionTask(), decisions);
    await settle();
    return h.history('wf', runId);
  };

  it('runs a function by name and records Scheduled, Started and Completed with its JSON result', async () => {
    const events = await run([lambda('l1', 'upcase', { control: 'c' })]);
    expect(events.slice(4).map((e) => e.eventType)).to.deep.equal([
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionCompleted',
      'DecisionTaskScheduled',
    ]);
    expect(events[4].lambdaFunctionScheduledEventAttributes).to.deep.equal({
      id: 'l1',
      name: 'upcase',
      control: 'c',
      input: '"hi"',
      startToCloseTimeout: '900',
      decisionTaskCompletedEventId: 4,
    });
    expect(events[6].lambdaFunctionCompletedEventAttributes).to.deep.equal({ scheduledEventId: 5, startedEventId: 6, result: '"HI"' });
  });

  it('records a thrown error as LambdaFunctionFailed with name and message as reason and the stack as details', async () => {
    const failed = last(await run([lambda('l1', 'boom')]), 'LambdaFunctionFailed').lambdaFunctionFailedEventAttributes!;
    expect(failed.reason).to.equal('RangeError: too big');
    expect(failed.details).to.contain('RangeError: too big').and.contain('at ');
  });

  it('times a function out after its startToCloseTimeout and aborts the call', async () => {
    let signal: AbortSignal | undefined;
    h.lambdas.register('watch', () => new Promise(() => undefined));
    const original = h.lambdas.invoke.bind(h.lambdas);
    h.lambdas.invoke = (call) => ((signal = call.signal), original(call));
    await run([lambda('l1', 'watch', { startToCloseTimeout: '5' })]);
    await h.clock.advance(5);
    const events = await h.history('wf', runId);
    expect(last(events, 'LambdaFunctionTimedOut').lambdaFunctionTimedOutEventAttributes).to.deep.equal({
      scheduledEventId: 5,
      startedEventId: 6,
      timeoutType: 'START_TO_CLOSE',
    });
    expect(signal?.aborted).to.equal(true);
  });

  it('fails to start an unknown function with StartLambdaFunctionFailed and no Started event', async () => {
    const events = await run([lambda('l1', 'nobody')]);
    expect(events.map((e) => e.eventType)).to.not.include('LambdaFunctionStarted');
    const failed = last(events, 'StartLambdaFunctionFailed').startLambdaFunctionFailedEventAttributes!;
    expect(failed.scheduledEventId).to.equal(5);
    expect(failed.message).to.contain('Function not found: nobody');
  });

  it('fails to start with ASSUME_ROLE_FAILED when neither the execution nor its type has a Lambda role', async () => {
    const events = await run([lambda('l1', 'upcase')], {});
    const failed = last(events, 'StartLambdaFunctionFailed').startLambdaFunctionFailedEventAttributes!;
    expect(failed.cause).to.equal('ASSUME_ROLE_FAILED');
    expect(failed.message).to.contain('lambdaRole');
    expect(events.map((e) => e.eventType)).to.not.include('LambdaFunctionCompleted');
  });

  it("uses the workflow type's defaultLambdaRole when the start request gives none", async () => {
    await h.call('RegisterWorkflowType', {
      domain: DOMAIN,
      name: 'Flow',
      version: '2',
      defaultTaskList: { name: 'deciders' },
      defaultTaskStartToCloseTimeout: '30',
      defaultExecutionStartToCloseTimeout: '3600',
      defaultChildPolicy: 'TERMINATE',
      defaultLambdaRole: ROLE,
    });
    const events = await run([lambda('l1', 'upcase')], { workflowType: { name: 'Flow', version: '2' } });
    expect(events[0].workflowExecutionStartedEventAttributes!.lambdaRole).to.equal(ROLE);
    expect(events.map((e) => e.eventType)).to.include('LambdaFunctionCompleted');
  });

  it('fails ScheduleLambdaFunction with ID_ALREADY_IN_USE while a call with that id is open', async () => {
    const events = await run([lambda('l1', 'forever'), lambda('l1', 'forever')]);
    expect(last(events, 'ScheduleLambdaFunctionFailed').scheduleLambdaFunctionFailedEventAttributes).to.deep.equal({
      id: 'l1',
      name: 'forever',
      cause: 'ID_ALREADY_IN_USE',
      decisionTaskCompletedEventId: 4,
    });
    expect((await h.describe('wf', runId)).openCounts.openLambdaFunctions).to.equal(1);
  });
});
