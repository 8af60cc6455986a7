import 'reflect-metadata';
import { expect } from 'chai';
import {
  PollForDecisionTaskCommand,
  RegisterDomainCommand,
  RegisterWorkflowTypeCommand,
  RespondDecisionTaskCompletedCommand,
  type Decision,
  type SWFClient,
} from '@aws-sdk/client-swf';
import {
  PayloadError,
  ResultTimeoutError,
  SwfRequestError,
  Workflow,
  WorkflowClient,
  WorkflowExecutionFailedError,
  WorkflowExecutionTimedOutError,
  WorkflowNotFoundError,
} from '../../index';
import { TRANSPORTS, type LocalTransport } from '../helpers/local-transports';

@Workflow('Echo', '1', { defaultTaskList: 'echo', defaultExecutionStartToCloseTimeout: 600, defaultTaskStartToCloseTimeout: 60 })
class Echo {
  async run(text: string): Promise<string> {
    return text;
  }
}

/** Answers the next decision task by hand: these specs test the client, not the engine. */
async function decideNext(swf: SWFClient, decisions: Decision[]): Promise<void> {
  const task = await swf.send(new PollForDecisionTaskCommand({ domain: 'client-spec', taskList: { name: 'echo' } }));
  if (!task.taskToken) throw new Error('no decision task');
  await swf.send(new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions }));
}

for (const transport of TRANSPORTS) {
  describe(`WorkflowClient (${transport.name})`, () => {
    let local: LocalTransport;
    let swf: SWFClient;
    let client: WorkflowClient;

    before(async () => {
      local = await transport.start();
      swf = local.client();
      await swf.send(new RegisterDomainCommand({ name: 'client-spec', workflowExecutionRetentionPeriodInDays: '1' }));
      await swf.send(
        new RegisterWorkflowTypeCommand({
          domain: 'client-spec',
          name: 'Echo',
          version: '1',
          defaultTaskList: { name: 'echo' },
          defaultTaskStartToCloseTimeout: '60',
          defaultExecutionStartToCloseTimeout: '600',
          defaultChildPolicy: 'TERMINATE',
        }),
      );
      client = new WorkflowClient(swf, { domain: 'client-spec', taskList: 'echo', identity: 'spec' });
    });

    after(() => local.close());

    it('starts an execution with JSON input and a generated workflow id', async () => {
      const run = await client.start(Echo, 'hi');
      expect(run.workflowId).to.match(/^Echo-[0-9a-f-]{36}$/);
      expect(run.runId).to.be.a('string').and.not.equal('');
      const [started] = await run.history();
      expect(started.workflowExecutionStartedEventAttributes).to.deep.include({ input: '"hi"', taskList: { name: 'echo' } });
      await run.terminate();
    });

    it('resolves result() with the decoded result once the execution completes', async () => {
      const run = await client.start(Echo, 'x', { workflowId: 'echo-complete' });
      const result = run.result({ timeoutMs: 10_000 });
      await decideNext(swf, [
        { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '{"a":[1,2]}' } },
      ]);
      expect(await result).to.deep.equal({ a: [1, 2] });
    });

    it('follows continue-as-new to the last run', async () => {
      const run = await client.start(Echo, 'first', { workflowId: 'echo-continued' });
      const result = run.result({ timeoutMs: 10_000 });
      await decideNext(swf, [
        { decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { input: '"second"' } },
      ]);
      await decideNext(swf, [
        { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"done"' } },
      ]);
      expect(await result).to.equal('done');
    });

    it('rejects result() with reason and details when the execution fails', async () => {
      const run = await client.start(Echo, 'x');
      const result = run.result({ timeoutMs: 10_000 }).catch((e: unknown) => e);
      await decideNext(swf, [
        { decisionType: 'FailWorkflowExecution', failWorkflowExecutionDecisionAttributes: { reason: 'Broken', details: 'it broke' } },
      ]);
      const error = (await result) as WorkflowExecutionFailedError;
      expect(error).to.be.instanceOf(WorkflowExecutionFailedError);
      expect(error).to.include({ reason: 'Broken', details: 'it broke', closeStatus: 'FAILED' });
      expect(error.message).to.equal(`workflow ${run.workflowId} (run ${run.runId}) failed: Broken\nit broke`);
    });

    it('rejects result() when the execution times out', async () => {
      const run = await client.start(Echo, 'x', { executionStartToCloseTimeout: 1 });
      const error = await run.result({ timeoutMs: 10_000 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(WorkflowExecutionTimedOutError);
    });

    it('gives up waiting after timeoutMs, saying the execution may still run', async () => {
      const run = await client.start(Echo, 'x');
      const error = await run.result({ timeoutMs: 50 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ResultTimeoutError);
      expect((error as Error).message).to.contain('did not close within');
      await run.terminate();
    });

    it('finds the current run from a workflow id alone', async () => {
      const run = await client.start(Echo, 'x', { workflowId: 'echo-by-id' });
      expect((await client.getHandle('echo-by-id').describe()).executionInfo?.execution?.runId).to.equal(run.runId);
      await run.terminate();
    });

    it('says no execution has the workflow id when a handle by id finds none', async () => {
      const error = await client
        .getHandle('no-such-id')
        .describe()
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(WorkflowNotFoundError);
      expect((error as Error).message).to.contain('No execution with workflow id no-such-id in domain');
    });

    it('refuses input SWF could not carry, before calling SWF', async () => {
      const error = await client.start(Echo, 'y'.repeat(40_000)).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(PayloadError);
      expect((error as Error).message).to.equal(
        'The input of Echo is 40002 characters of JSON; SWF accepts at most 32768. Pass a reference (e.g. an S3 key) instead of the data.',
      );
    });

    it("wraps SWF's faults with the action and what it was for", async () => {
      await client.start(Echo, 'x', { workflowId: 'echo-twice' });
      const error = (await client.start(Echo, 'x', { workflowId: 'echo-twice' }).catch((e: unknown) => e)) as SwfRequestError;
      expect(error).to.be.instanceOf(SwfRequestError);
      expect(error.fault).to.equal('WorkflowExecutionAlreadyStartedFault');
      expect(error.message).to.match(/^StartWorkflowExecution of Echo 1 as echo-twice failed: WorkflowExecutionAlreadyStartedFault: /);
    });

    it('refuses two list filters at once, as SWF does', async () => {
      const error = await client.list({ tag: 'a', workflowId: 'b' }).catch((e: unknown) => e);
      expect((error as Error).message).to.equal(
        'list(): SWF filters by one of type, tag, workflowId and closeStatus at a time; got tag and workflowId.',
      );
    });
  });
}
