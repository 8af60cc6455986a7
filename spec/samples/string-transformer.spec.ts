import 'reflect-metadata';
import { expect } from 'chai';
import { FlowFactory, WorkflowClient, formatTimeline, type FlowApp } from '../../index';
import { lambdas } from '../../samples/string-transformer/lambdas';
import { StringTransformerModule } from '../../samples/string-transformer/main';
import { StringTransformer } from '../../samples/string-transformer/workflows';
import { TRANSPORTS, type LocalTransport } from '../helpers/local-transports';
import { RecordingLogger } from '../helpers/quiet-logger';
import { LocalSwfService } from '../../lib/local';
import { InProcessLambdaInvoker } from '../../lib/local';

for (const transport of TRANSPORTS) {
  describe(`samples/string-transformer (${transport.name})`, () => {
    let local: LocalTransport;
    let app: FlowApp;
    const logger = new RecordingLogger();

    before(async () => {
      const lambdaInvoker = new InProcessLambdaInvoker();
      for (const [name, fn] of Object.entries(lambdas)) lambdaInvoker.register(name, fn as (input: unknown) => unknown);
      local = await transport.start({ lambdaInvoker });
      app = await FlowFactory.create(StringTransformerModule, {
        domain: 'samples',
        taskList: 'string-transformer',
        swfClient: local.client(),
        registerDomain: true,
        logger,
        handleSignals: false,
      });
    });

    after(async () => {
      await app?.close();
      await local?.close();
    });

    it("turns pyflow's input into 'OLLEH DLROW' through Lambdas, a caught failure, a timer, a side effect and a child", async () => {
      const run = await app.get(WorkflowClient).start(StringTransformer, ['Hello', ' ', 'World']);
      expect(await run.result({ timeoutMs: 30_000 })).to.equal('OLLEH DLROW');
      const types = (await run.history()).map((e) => e.eventType);
      expect(types.filter((t) => t === 'LambdaFunctionCompleted')).to.have.length(6);
      expect(types).to.include.members(['LambdaFunctionFailed', 'TimerFired', 'MarkerRecorded', 'ChildWorkflowExecutionCompleted']);
      expect(types.at(-1)).to.equal('WorkflowExecutionCompleted');
      const timeline = formatTimeline(await run.history(), { hideDecisionTasks: true });
      expect(timeline).to.contain('LambdaFunctionFailed').and.to.contain('string_upcase expects a string');
    });

    it('logs where to watch a new execution', async () => {
      const line = logger.find('new execution');
      expect(line?.fields).to.include({ domain: 'samples', taskList: 'string-transformer', workflowType: 'StringTransformer 1.0' });
      expect(line?.fields?.workflowId).to.be.a('string');
    });
  });
}

describe('samples/string-transformer with local: true', () => {
  it('runs on an embedded service that FlowFactory starts itself', async () => {
    const app = await FlowFactory.create(StringTransformerModule, {
      domain: 'samples',
      taskList: 'string-transformer',
      local: { lambdas, listen: { port: 0 } },
      logger: new RecordingLogger(),
      handleSignals: false,
    });
    try {
      expect(app.service).to.be.instanceOf(LocalSwfService);
      const run = await app.get(WorkflowClient).start(StringTransformer, ['ab', 'c']);
      expect(await run.result({ timeoutMs: 30_000 })).to.equal('BAC');
    } finally {
      await app.close();
    }
  });
});
