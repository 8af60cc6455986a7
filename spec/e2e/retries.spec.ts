import 'reflect-metadata';
import { expect } from 'chai';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import {
  Activities,
  Activity,
  ActivityFailure,
  ChildWorkflow,
  Lambda,
  WorkerModule,
  Workflow,
  WorkflowClient,
  WorkflowContext,
  WorkflowFailed,
  type ActivityCall,
  type ActivityContext,
  type ChildWorkflowCall,
  type LambdaCall,
} from '../../index';
import { InProcessLambdaInvoker } from '../../lib/local';
import { TRANSPORTS } from '../helpers/local-transports';
import { eventTypes, startE2e, waitForEvent, type E2eEnv } from './support/e2e-env';

class CardDeclined extends Error {
  override name = 'CardDeclined';
}

@Activities({ version: '1', prefix: 'e2e-pay', defaultTaskList: 'e2e-pay', defaultTaskStartToCloseTimeout: 60 })
class PaymentActivities {
  readonly attempts: number[] = [];

  /** A gateway that is busy twice, then takes the charge. */
  @Activity()
  async charge(cents: number, context: ActivityContext): Promise<string> {
    this.attempts.push(context.attempt);
    if (context.attempt < 3) throw new Error(`gateway busy (attempt ${context.attempt})`);
    return `charged ${cents} on attempt ${context.attempt}`;
  }

  @Activity()
  async chargeCard(cents: number): Promise<string> {
    throw new CardDeclined(`${cents} is over the card's limit`);
  }
}

@Workflow('E2ePayment', '1')
class Payment {
  @Activity(PaymentActivities, 'charge', { retry: { maximumAttempts: 5, initialInterval: 30, backoffCoefficient: 2 } })
  charge!: ActivityCall<number, string>;
  @Activity(PaymentActivities, 'chargeCard') chargeCard!: ActivityCall<number, string>;

  async run(input: { cents: number; card?: boolean }): Promise<string> {
    if (!input.card) return this.charge(input.cents);
    try {
      return await this.chargeCard(input.cents, { retry: { maximumAttempts: 5, nonRetryable: ['CardDeclined'] } });
    } catch (error) {
      if (error instanceof ActivityFailure) return `declined: ${error.reason}`;
      throw error;
    }
  }
}

class TooManyRequestsException extends Error {
  override name = 'TooManyRequestsException';
}

/** A Lambda function the Lambda service throttles once. */
function throttledOnce(): (input: unknown) => string {
  let calls = 0;
  return (input) => {
    if (++calls === 1) throw new TooManyRequestsException('Rate exceeded');
    return `rate for ${String(input)}: 1.08`;
  };
}

@Workflow('E2eRates', '1', { defaultLambdaRole: 'arn:aws:iam::123456789012:role/swf-lambda' })
class Rates {
  @Lambda('e2e_rate') rate!: LambdaCall<string, string>;

  async run(pair: string): Promise<string> {
    return this.rate(pair);
  }
}

/** Fails its first run: only the retry (workflow id `…#2`) gets through. */
@Workflow('E2eFirstTimeFails', '1')
class FirstTimeFails {
  constructor(private readonly flow: WorkflowContext) {}

  async run(): Promise<string> {
    if (!this.flow.workflowId.endsWith('#2')) throw new WorkflowFailed('NotYet', 'the first run always fails');
    return `done by ${this.flow.workflowId}`;
  }
}

@Workflow('E2eParent', '1')
class Parent {
  @ChildWorkflow(FirstTimeFails, { retry: { maximumAttempts: 2, initialInterval: 10 } }) child!: ChildWorkflowCall<void, string>;

  async run(): Promise<string> {
    return this.child();
  }
}

@WorkerModule({ workflows: [Payment, Rates, FirstTimeFails, Parent], activities: [PaymentActivities] })
class PaymentModule {}

const attributes = (events: HistoryEvent[], type: string, key: string): unknown[] =>
  events
    .filter((e) => e.eventType === type)
    .map((e) => (e[`${type[0].toLowerCase()}${type.slice(1)}EventAttributes` as keyof HistoryEvent] as Record<string, unknown>)[key]);

for (const transport of TRANSPORTS) {
  describe(`Retries end to end (${transport.name})`, () => {
    let env: E2eEnv;

    before(async () => {
      env = await startE2e(transport, PaymentModule, 'e2e-retries', {
        lambdaInvoker: new InProcessLambdaInvoker().register('e2e_rate', throttledOnce()),
      });
    });

    after(() => env.close());

    it('succeeds on attempt 3 after two durable back-off timers, each attempt a new activity id', async () => {
      const run = await env.client.start(Payment, { cents: 1200 });
      const result = await env.skippingTime(() => run.result({ timeoutMs: 10_000 }));
      expect(result).to.equal('charged 1200 on attempt 3');
      expect(env.app.get(PaymentActivities).attempts).to.deep.equal([1, 2, 3]);
      const events = await run.history();
      expect(eventTypes(events).filter((t) => t.startsWith('Activity') || t.startsWith('Timer'))).to.deep.equal([
        'ActivityTaskScheduled',
        'ActivityTaskStarted',
        'ActivityTaskFailed',
        'TimerStarted',
        'TimerFired',
        'ActivityTaskScheduled',
        'ActivityTaskStarted',
        'ActivityTaskFailed',
        'TimerStarted',
        'TimerFired',
        'ActivityTaskScheduled',
        'ActivityTaskStarted',
        'ActivityTaskCompleted',
      ]);
      expect(attributes(events, 'ActivityTaskScheduled', 'activityId')).to.deep.equal(['activity1', 'activity1#2', 'activity1#3']);
      expect(attributes(events, 'TimerStarted', 'startToFireTimeout')).to.deep.equal(['30', '60']);
      expect(attributes(events, 'ActivityTaskFailed', 'reason')).to.deep.equal([
        'Error: gateway busy (attempt 1)',
        'Error: gateway busy (attempt 2)',
      ]);
      const at = (type: string) => events.filter((e) => e.eventType === type).map((e) => e.eventTimestamp!.getTime());
      expect(at('TimerFired').map((fired, i) => (fired - at('TimerStarted')[i]) / 1000)).to.deep.equal([30, 60]);
    });

    it('retries a Lambda call the Lambda service throttled, without a policy', async () => {
      const run = await env.client.start(Rates, 'EUR/USD');
      expect(await env.skippingTime(() => run.result({ timeoutMs: 10_000 }))).to.equal('rate for EUR/USD: 1.08');
      const events = await run.history();
      expect(attributes(events, 'LambdaFunctionScheduled', 'id')).to.deep.equal(['lambda1', 'lambda1#2']);
      expect(attributes(events, 'LambdaFunctionFailed', 'reason')).to.deep.equal(['TooManyRequestsException: Rate exceeded']);
      expect(attributes(events, 'TimerStarted', 'startToFireTimeout')).to.deep.equal(['1']);
    });

    it('starts a failed child workflow again under the id of its attempt', async () => {
      const run = await env.client.start(Parent, undefined, { workflowId: `parent-${transport.name}` });
      expect(await env.skippingTime(() => run.result({ timeoutMs: 10_000 }))).to.equal(`done by parent-${transport.name}-child1#2`);
      const events = await run.history();
      expect(attributes(events, 'StartChildWorkflowExecutionInitiated', 'workflowId')).to.deep.equal([
        `parent-${transport.name}-child1`,
        `parent-${transport.name}-child1#2`,
      ]);
      expect(attributes(events, 'ChildWorkflowExecutionFailed', 'reason')).to.deep.equal(['NotYet']);
      expect(attributes(events, 'TimerStarted', 'startToFireTimeout')).to.deep.equal(['10']);
    });

    it('fails at once, with no timer, on a reason the call lists as non-retryable', async () => {
      const run = await env.client.start(Payment, { cents: 99_000, card: true });
      const result = await env.skippingTime(() => run.result({ timeoutMs: 10_000 }));
      expect(result).to.equal("declined: CardDeclined: 99000 is over the card's limit");
      const types = eventTypes(await run.history());
      expect(types.filter((t) => t === 'ActivityTaskScheduled')).to.have.length(1);
      expect(types).to.not.include('TimerStarted');
    });

    // Last: it stops the env's first app.
    it('carries a retry on through a decider restart during its back-off', async () => {
      const run = await env.client.start(Payment, { cents: 700 });
      await waitForEvent(env.client, run, 'TimerStarted');
      await env.app.close();
      const restarted = await env.startApp(PaymentModule);
      const again = restarted.get(WorkflowClient).getHandle(run.workflowId, run.runId);
      expect(await env.skippingTime(() => again.result({ timeoutMs: 10_000 }))).to.equal('charged 700 on attempt 3');
      const events = await again.history();
      expect(attributes(events, 'ActivityTaskScheduled', 'activityId')).to.deep.equal(['activity1', 'activity1#2', 'activity1#3']);
    });
  });
}
