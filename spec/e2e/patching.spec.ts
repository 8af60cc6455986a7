import 'reflect-metadata';
import { expect } from 'chai';
import { Activities, Activity, Signal, WorkerModule, Workflow, WorkflowContext, WorkflowClient, type ActivityCall } from '../../index';
import { TRANSPORTS } from '../helpers/local-transports';
import { eventTypes, startE2e, waitForEvent, type E2eEnv } from './support/e2e-env';

@Activities({ version: '1', prefix: 'e2e-invoice', defaultTaskList: 'e2e-invoice', defaultTaskStartToCloseTimeout: 60 })
class InvoiceActivities {
  @Activity()
  async draft(order: string): Promise<string> {
    return `invoice for ${order}`;
  }

  @Activity()
  async draftWithReceipt(order: string): Promise<string> {
    return `invoice and receipt for ${order}`;
  }
}

/** Version 1 of the code: drafts the invoice, then waits to be told to send it. */
@Workflow('E2eInvoice', '1')
class InvoiceV1 {
  @Activity(InvoiceActivities, 'draft') draft!: ActivityCall<string, string>;
  protected sent = false;

  constructor(protected readonly flow: WorkflowContext) {}

  @Signal()
  send(): void {
    this.sent = true;
  }

  async run(order: string): Promise<string> {
    const invoice = await this.draft(order);
    await this.flow.condition(() => this.sent);
    return invoice;
  }
}

/** Version 2, deployed in place: new executions draft a receipt too; executions that drafted under v1 go on as they were. */
@Workflow('E2eInvoice', '1')
class InvoiceV2 extends InvoiceV1 {
  @Activity(InvoiceActivities, 'draftWithReceipt') draftWithReceipt!: ActivityCall<string, string>;

  override async run(order: string): Promise<string> {
    const invoice = this.flow.patched('receipt') ? await this.draftWithReceipt(order) : await this.draft(order);
    await this.flow.condition(() => this.sent);
    return invoice;
  }
}

@WorkerModule({ workflows: [InvoiceV1], activities: [InvoiceActivities] })
class InvoicesV1Module {}

@WorkerModule({ workflows: [InvoiceV2], activities: [InvoiceActivities] })
class InvoicesV2Module {}

for (const transport of TRANSPORTS) {
  describe(`patched() end to end (${transport.name})`, () => {
    let env: E2eEnv;

    before(async () => {
      env = await startE2e(transport, InvoicesV1Module, 'e2e-patching');
    });

    after(() => env.close());

    it('takes the new branch in a new execution and keeps the old one in an execution from before the change', async () => {
      const before = await env.client.start(InvoiceV1, 'ord-1');
      await waitForEvent(env.client, before, 'DecisionTaskCompleted', 2);
      await env.app.close(); // the deploy: v1's workers stop, v2's take over the same task lists

      const v2 = await env.startApp(InvoicesV2Module);
      const client = v2.get(WorkflowClient);
      await client.getHandle(before.workflowId, before.runId).signal(InvoiceV2.prototype.send);
      expect(await before.result({ timeoutMs: 10_000 })).to.equal('invoice for ord-1');
      expect(eventTypes(await before.history())).to.not.include('MarkerRecorded');

      const after = await client.start(InvoiceV2, 'ord-2');
      await waitForEvent(client, after, 'DecisionTaskCompleted', 2);
      await after.signal(InvoiceV2.prototype.send);
      expect(await after.result({ timeoutMs: 10_000 })).to.equal('invoice and receipt for ord-2');
      const markers = (await after.history()).filter((e) => e.eventType === 'MarkerRecorded');
      expect(markers.map((e) => e.markerRecordedEventAttributes?.markerName)).to.deep.equal(['tsflow-patch-receipt']);
    });
  });
}
