import 'reflect-metadata';
import { expect } from 'chai';
import { Activities, Activity, WorkerModule, Workflow, WorkflowContext, type ActivityCall } from '../../index';
import { TRANSPORTS } from '../helpers/local-transports';
import { startE2e, type E2eEnv } from './support/e2e-env';

@Activities({ version: '1', prefix: 'e2e-loop', defaultTaskList: 'e2e-loop', defaultTaskStartToCloseTimeout: 60 })
class LoopActivities {
  @Activity()
  async step(total: number): Promise<number> {
    return total + 1;
  }
}

interface Cursor {
  run: number;
  total: number;
}

/** Works in steps until its history is long enough that it should start afresh; its third run finishes. */
@Workflow('E2eLooper', '1', { continueAsNewSuggestedAt: 20 })
class Looper {
  @Activity(LoopActivities, 'step') step!: ActivityCall<number, number>;

  constructor(private readonly flow: WorkflowContext) {}

  async run(cursor: Cursor): Promise<{ runs: number; total: number; historyLength: number }> {
    let total = cursor.total;
    while (!this.flow.continueAsNewSuggested) total = await this.step(total);
    if (cursor.run < 3) return this.flow.continueAsNew({ run: cursor.run + 1, total }, { tagList: [`run-${cursor.run + 1}`] });
    return { runs: cursor.run, total, historyLength: this.flow.historyLength };
  }
}

@WorkerModule({ workflows: [Looper], activities: [LoopActivities] })
class LoopModule {}

for (const transport of TRANSPORTS) {
  describe(`Continue-as-new end to end (${transport.name})`, () => {
    let env: E2eEnv;

    before(async () => {
      env = await startE2e(transport, LoopModule, 'e2e-continue');
    });

    after(() => env.close());

    it('chains three runs, each past continueAsNewSuggested, and result() follows them to the last', async () => {
      const first = await env.client.start(Looper, { run: 1, total: 0 });
      // Each step is six events: an activity's three and a decision task's three; the third step passes 20.
      expect(await first.result({ timeoutMs: 20_000 })).to.deep.equal({ runs: 3, total: 9, historyLength: 21 });

      const runs: { runId: string; input?: string; tags?: string[] }[] = [];
      for (let runId: string | undefined = first.runId!; runId;) {
        const events = await env.client.history(first.workflowId, runId);
        const started = events[0].workflowExecutionStartedEventAttributes!;
        runs.push({ runId, input: started.input, tags: started.tagList });
        runId = events.at(-1)!.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
      }
      expect(runs.map((r) => r.input)).to.deep.equal(['{"run":1,"total":0}', '{"run":2,"total":3}', '{"run":3,"total":6}']);
      expect(runs.map((r) => r.tags ?? [])).to.deep.equal([[], ['run-2'], ['run-3']]);
      expect(new Set(runs.map((r) => r.runId)).size).to.equal(3);
      const last = await env.client.getHandle(first.workflowId).describe();
      expect(last.executionInfo?.execution?.runId).to.equal(runs[2].runId);
      expect(last.executionInfo?.closeStatus).to.equal('COMPLETED');
    });
  });
}
