import 'reflect-metadata';
import { expect } from 'chai';
import { setTimeout as delay } from 'node:timers/promises';
import {
  Activities,
  Activity,
  Signal,
  State,
  WorkerModule,
  Workflow,
  WorkflowContext,
  WorkflowExecutionFailedError,
  type ActivityCall,
  type WorkflowHandle,
} from '../../index';
import { TRANSPORTS } from '../helpers/local-transports';
import { startE2e, type E2eEnv } from './support/e2e-env';

@Activities({ version: '1', prefix: 'e2e-review', defaultTaskList: 'e2e-review', defaultTaskStartToCloseTimeout: 60 })
class ReviewActivities {
  @Activity()
  async prepare(doc: string): Promise<string> {
    return `${doc}.pdf`;
  }
}

interface Progress {
  stage: string;
  notes: string[];
}

@Workflow('E2eReview', '1')
class Review {
  @Activity(ReviewActivities, 'prepare') prepare!: ActivityCall<string, string>;
  private stage = 'starting';
  private readonly notes: string[] = [];
  private done = false;

  constructor(private readonly flow: WorkflowContext) {}

  @State()
  get progress(): Progress {
    return { stage: this.stage, notes: this.notes };
  }

  @Signal()
  note(text: string): void {
    this.notes.push(text);
  }

  @Signal()
  finish(): void {
    this.done = true;
  }

  async run(doc: string): Promise<string[]> {
    this.stage = 'preparing';
    const file = await this.prepare(doc);
    this.stage = `waiting for review of ${file}`;
    await this.flow.condition(() => this.done);
    this.stage = 'done';
    return this.notes;
  }
}

/** Publishes a log that outgrows what SWF keeps as an execution context. */
@Workflow('E2eChatty', '1')
class Chatty {
  @Activity(ReviewActivities, 'prepare') prepare!: ActivityCall<string, string>;
  private log = '';

  @State()
  status(): { log: string } {
    return { log: this.log };
  }

  async run(): Promise<void> {
    this.log = await this.prepare('small');
    this.log = 'x'.repeat(40_000);
    await this.prepare('never sent');
  }
}

@WorkerModule({ workflows: [Review, Chatty], activities: [ReviewActivities] })
class ReviewModule {}

/** Reads `handle.state()` until it satisfies `wanted`, as a dashboard polling an execution would. */
async function stateWhen(run: WorkflowHandle, wanted: (state: Progress | undefined) => boolean): Promise<Progress | undefined> {
  let state: Progress | undefined;
  for (let i = 0; i < 400; i++) {
    state = await run.state<Progress>();
    if (wanted(state)) return state;
    await delay(10);
  }
  throw new Error(`the published state never got there; last: ${JSON.stringify(state)}`);
}

for (const transport of TRANSPORTS) {
  describe(`Published state end to end (${transport.name})`, () => {
    let env: E2eEnv;

    before(async () => {
      env = await startE2e(transport, ReviewModule, 'e2e-state');
    });

    after(() => env.close());

    it('lets the client read the @State value mid-run, as of each decision', async () => {
      const run = await env.client.start(Review, 'contract');
      expect(await stateWhen(run, (s) => s !== undefined && s.stage !== 'preparing')).to.deep.equal({
        stage: 'waiting for review of contract.pdf',
        notes: [],
      });
      await run.signal(Review.prototype.note, 'page 2: typo');
      expect(await stateWhen(run, (s) => s?.notes.length === 1)).to.deep.equal({
        stage: 'waiting for review of contract.pdf',
        notes: ['page 2: typo'],
      });
      expect((await run.describe()).executionInfo?.executionStatus).to.equal('OPEN');
      await run.signal(Review.prototype.finish);
      expect(await run.result({ timeoutMs: 10_000 })).to.deep.equal(['page 2: typo']);
      expect(await run.state<Progress>()).to.deep.equal({ stage: 'done', notes: ['page 2: typo'] });
      const responses = (await run.history()).filter((e) => e.eventType === 'DecisionTaskCompleted');
      expect(JSON.parse(responses[0].decisionTaskCompletedEventAttributes!.executionContext!)).to.deep.equal({
        stage: 'preparing',
        notes: [],
      });
    });

    it('fails the execution, with a reason that says so, when the state outgrows 32,768 characters', async () => {
      const run = await env.client.start(Chatty, undefined);
      const error = (await run.result({ timeoutMs: 10_000 }).catch((e: unknown) => e)) as WorkflowExecutionFailedError;
      expect(error).to.be.instanceOf(WorkflowExecutionFailedError);
      expect(error.reason).to.match(/^StateNotPublished: /);
      expect(error.details).to.contain('@State Chatty.status');
      expect(await run.state()).to.deep.equal({ log: '' }, 'the last state that fitted stays readable');
    });
  });
}
