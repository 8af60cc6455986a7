import 'reflect-metadata';
import { expect } from 'chai';
import { setTimeout as delay } from 'node:timers/promises';
import {
  Activities,
  Activity,
  CancelledFailure,
  WorkerModule,
  Workflow,
  WorkflowContext,
  type ActivityCall,
  type ActivityContext,
} from '../../index';
import { TRANSPORTS } from '../helpers/local-transports';
import { eventTypes, startE2e, type E2eEnv } from './support/e2e-env';

@Activities({ version: '1', prefix: 'e2e-race', defaultTaskList: 'e2e-race', defaultTaskStartToCloseTimeout: 60 })
class QuoteActivities {
  cancelled = 0;
  private slowStarted!: () => void;
  /** The fast supplier answers once the slow one is at work, so that its cancellation reaches a running activity. */
  private readonly slowAtWork = new Promise<void>((resolve) => (this.slowStarted = resolve));

  @Activity()
  async quickQuote(item: string): Promise<string> {
    await this.slowAtWork;
    return `${item}: 10 EUR from the fast supplier`;
  }

  /** Never answers by itself: it heartbeats until the workflow cancels it. */
  @Activity({ defaultTaskHeartbeatTimeout: 10 })
  async slowQuote(item: string, context: ActivityContext): Promise<string> {
    this.slowStarted();
    try {
      for (;;) {
        await context.heartbeat({ asking: item });
        await delay(10);
      }
    } finally {
      if (context.signal.aborted) this.cancelled++;
    }
  }
}

/** Asks two suppliers at once and cancels the branch that loses, with everything it started. */
@Workflow('E2eQuoteRace', '1')
class QuoteRace {
  @Activity(QuoteActivities, 'quickQuote') quickQuote!: ActivityCall<string, string>;
  @Activity(QuoteActivities, 'slowQuote') slowQuote!: ActivityCall<string, string>;

  constructor(private readonly flow: WorkflowContext) {}

  async run(item: string): Promise<{ quote: string; loser: string }> {
    const fast = this.flow.cancellationScope(() => this.quickQuote(item));
    const slow = this.flow.cancellationScope(async () => {
      const deadline = this.flow.timer(3600);
      const quote = await this.slowQuote(item);
      deadline.cancel();
      return quote;
    });
    const [winner] = await this.flow.any(fast, slow);
    const loser = winner === fast ? slow : fast;
    loser.cancel();
    const outcome = await loser.then(
      () => 'finished anyway',
      (error: unknown) => (error instanceof CancelledFailure ? 'cancelled' : `failed: ${String(error)}`),
    );
    return { quote: await winner, loser: outcome };
  }
}

@WorkerModule({ workflows: [QuoteRace], activities: [QuoteActivities] })
class RaceModule {}

for (const transport of TRANSPORTS) {
  describe(`Cancellation scopes end to end (${transport.name})`, () => {
    let env: E2eEnv;

    before(async () => {
      env = await startE2e(transport, RaceModule, 'e2e-scopes');
    });

    after(() => env.close());

    it('cancels the losing branch of a race: its timer at once, its activity once the worker reports it cancelled', async () => {
      const run = await env.client.start(QuoteRace, 'lamp');
      expect(await run.result({ timeoutMs: 15_000 })).to.deep.equal({ quote: 'lamp: 10 EUR from the fast supplier', loser: 'cancelled' });
      const types = eventTypes(await run.history());
      expect(types).to.include.members(['ActivityTaskCompleted', 'TimerCanceled', 'ActivityTaskCancelRequested', 'ActivityTaskCanceled']);
      expect(types).to.not.include('TimerFired');
      expect(types.indexOf('ActivityTaskCanceled')).to.be.lessThan(types.indexOf('WorkflowExecutionCompleted'));
      expect(env.app.get(QuoteActivities).cancelled).to.equal(1);
    });
  });
}
