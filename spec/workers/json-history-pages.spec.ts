import { expect } from 'chai';
import {
  GetWorkflowExecutionHistoryCommand,
  PollForDecisionTaskCommand,
  RespondDecisionTaskCompletedCommand,
  SignalWorkflowExecutionCommand,
  StartWorkflowExecutionCommand,
  UnknownResourceFault,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { jsonHistoryPages } from '../../lib/workers/json-history-pages';
import { registerDomain, registerWorkflowType } from '../../lib/workers/register-types';
import { TypeRegistry } from '../../lib/metadata';
import { Workflow } from '../../index';
import { TRANSPORTS } from '../helpers/local-transports';

@Workflow('Paged', '1')
class Paged {
  async run(): Promise<void> {}
}

const DOMAIN = 'json-pages';
const strip = ({ $metadata: _, ...rest }: { $metadata?: unknown }) => rest;

async function execution(swf: SWFClient): Promise<{ workflowId: string; runId: string }> {
  await registerDomain(swf, DOMAIN);
  await registerWorkflowType(swf, DOMAIN, new TypeRegistry({ workflows: [Paged] }).workflows[0], 'paged');
  const { runId } = await swf.send(
    new StartWorkflowExecutionCommand({ domain: DOMAIN, workflowId: 'p', workflowType: { name: 'Paged', version: '1' } }),
  );
  const first = await swf.send(new PollForDecisionTaskCommand({ domain: DOMAIN, taskList: { name: 'paged' } }));
  await swf.send(new RespondDecisionTaskCompletedCommand({ taskToken: first.taskToken, decisions: [] }));
  for (let i = 0; i < 5; i++)
    await swf.send(new SignalWorkflowExecutionCommand({ domain: DOMAIN, workflowId: 'p', signalName: `s${i}`, input: `"${i}"` }));
  return { workflowId: 'p', runId: runId! };
}

for (const transport of TRANSPORTS) {
  describe(`jsonHistoryPages, ${transport.name}`, () => {
    it('gives history pages exactly as the SDK reads them, Date timestamps and page tokens included', async () => {
      const local = await transport.start();
      const swf = local.client();
      try {
        const run = await execution(swf);
        const request = { domain: DOMAIN, execution: run, maximumPageSize: 3 };
        const sdk = await swf.send(new GetWorkflowExecutionHistoryCommand(request));
        const parsed: number[] = [];
        const fast = new GetWorkflowExecutionHistoryCommand(request);
        fast.middlewareStack.use(jsonHistoryPages((bytes) => parsed.push(bytes)));
        const json = await swf.send(fast);
        expect(parsed, 'bodies read by JSON.parse').to.have.length(1);
        expect(parsed[0]).to.be.greaterThan(100);
        expect(strip(json)).to.deep.equal(strip(sdk));
        expect(json.events![0].eventTimestamp).to.be.instanceOf(Date);
        expect(json.$metadata.httpStatusCode).to.equal(200);
        const poll = new PollForDecisionTaskCommand({ domain: DOMAIN, taskList: { name: 'paged' }, startAtPreviousStartedEvent: true });
        poll.middlewareStack.use(jsonHistoryPages());
        const task = await swf.send(poll);
        expect(task.events!.map((e) => e.eventType)).to.include('WorkflowExecutionSignaled');
        const again = await swf.send(new GetWorkflowExecutionHistoryCommand({ domain: DOMAIN, execution: run }));
        expect(task.events).to.deep.equal(
          again.events!.filter((e) => e.eventId! <= task.startedEventId! && e.eventId! >= task.events![0].eventId!),
        );
      } finally {
        await local.close();
      }
    });

    it("leaves faults to the SDK's reader, so they arrive as the SDK's exceptions", async () => {
      const local = await transport.start();
      const swf = local.client();
      try {
        await registerDomain(swf, DOMAIN);
        const command = new GetWorkflowExecutionHistoryCommand({ domain: DOMAIN, execution: { workflowId: 'none', runId: 'none' } });
        command.middlewareStack.use(jsonHistoryPages());
        const error = await swf.send(command).catch((e: unknown) => e);
        expect(error).to.be.instanceOf(UnknownResourceFault);
      } finally {
        await local.close();
      }
    });
  });
}
