import 'reflect-metadata';
import { expect } from 'chai';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { setTimeout as delay } from 'node:timers/promises';
import { FlowFactory, PayloadError, WorkflowClient, type FlowApp } from '../../index';
import { TRANSPORTS, type LocalTransport } from '../helpers/local-transports';
import { RecordingLogger } from '../helpers/quiet-logger';
import { Approval, Garbled, Reviewed, ReviewModule, pendingReviews } from './fixtures/review-workflows';

for (const transport of TRANSPORTS) {
  describe(`WorkflowHandle (${transport.name})`, () => {
    let local: LocalTransport;
    let app: FlowApp;
    let client: WorkflowClient;

    before(async () => {
      local = await transport.start();
      app = await FlowFactory.create(ReviewModule, {
        domain: 'handle-spec',
        taskList: 'handle-decider',
        swfClient: local.client(),
        registerDomain: true,
        logger: new RecordingLogger(),
        handleSignals: false,
      });
      client = app.get(WorkflowClient);
    });

    after(async () => {
      await app?.close();
      await local?.close();
    });

    async function waitFor(read: () => Promise<HistoryEvent[]>, type: string): Promise<HistoryEvent[]> {
      for (let i = 0; i < 400; i++) {
        const events = await read();
        if (events.some((e) => e.eventType === type)) return events;
        await delay(25);
      }
      throw new Error(`${type} never appeared`);
    }

    describe('state()', () => {
      it('reads the state the workflow published, mid-run and after it closed', async () => {
        const run = await client.start(Reviewed, 'budget.pdf');
        await waitFor(() => run.history(), 'ActivityTaskStarted');
        expect(await run.state()).to.deep.equal({ stage: 'in review', document: 'budget.pdf' });
        // By workflow id alone, the handle reads the current run.
        expect(await client.getHandle(run.workflowId).state<{ stage: string }>()).to.deep.include({ stage: 'in review' });

        await client.activityCompletion(pendingReviews.get(run.workflowId)!).complete({ approved: true, by: 'ana' });
        await run.result({ timeoutMs: 15_000 });
        expect(await run.state()).to.deep.equal({ stage: 'reviewed', approved: true });
      });

      it('is undefined while the workflow has published nothing', async () => {
        const run = await client.start(Approval, 3600);
        await waitFor(() => run.history(), 'TimerStarted');
        expect(await run.state()).to.equal(undefined);
        await run.terminate();
      });

      it('rejects with PayloadError when the published state is not JSON, showing it', async () => {
        const run = await client.start(Garbled, undefined);
        await waitFor(() => run.history(), 'TimerStarted');
        const error = await run.state().catch((e: unknown) => e);
        expect(error).to.be.instanceOf(PayloadError);
        expect((error as Error).message)
          .to.contain(`The published state (latestExecutionContext) of workflow ${run.workflowId} (run ${run.runId})`)
          .and.to.contain('is not valid JSON')
          .and.to.match(/it starts with "stage=review"\.$/);
        await run.terminate();
      });
    });

    describe('signal()', () => {
      const signalsOf = (events: HistoryEvent[]) =>
        events
          .filter((e) => e.eventType === 'WorkflowExecutionSignaled')
          .map((e) => [e.workflowExecutionSignaledEventAttributes?.signalName, e.workflowExecutionSignaledEventAttributes?.input]);

      it("sends a signal named by its method's @Signal, or by the method's own name, with the input as JSON", async () => {
        const run = await client.start(Approval, 3600);
        await run.signal(Approval.prototype.onApprove, { by: 'ana' });
        await run.signal(Approval.prototype.onWithdraw);
        await run.signal('approve', { by: 'bob' });
        const events = await waitFor(() => run.history(), 'WorkflowExecutionSignaled');
        expect(signalsOf(events)).to.deep.equal([
          ['approve', '{"by":"ana"}'],
          ['onWithdraw', undefined],
          ['approve', '{"by":"bob"}'],
        ]);
        await run.terminate();
      });
    });
  });
}

// Compile-time checks: each `@ts-expect-error` must stay an error, or the build (and so the suite) fails.
export function typedSignals(run: Awaited<ReturnType<WorkflowClient['start']>>): void {
  void run.signal(Approval.prototype.onApprove, { by: 'ana' });
  // @ts-expect-error onApprove takes { by: string }
  void run.signal(Approval.prototype.onApprove, { by: 42 });
  // @ts-expect-error onApprove needs its input
  void run.signal(Approval.prototype.onApprove);
  // @ts-expect-error onWithdraw takes no input
  void run.signal(Approval.prototype.onWithdraw, 'why');
  void run.signal(Approval.prototype.onNudge);
  void run.signal(Approval.prototype.onNudge, 'soon');
  // @ts-expect-error a signal carries one input, so a method of two parameters is no signal
  void run.signal(Approval.prototype.reassign, 'ana', 'bob');
  void run.signal('anything', { untyped: true });
}
