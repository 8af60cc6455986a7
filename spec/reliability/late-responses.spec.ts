import 'reflect-metadata';
import { expect } from 'chai';
import { SWFClient } from '@aws-sdk/client-swf';
import type { HttpHandler, HttpHandlerOptions, HttpRequest, HttpResponse } from '@smithy/core/protocols';
import { setTimeout as delay } from 'node:timers/promises';
import { FlowFactory, WorkflowClient } from '../../index';
import { InMemoryRequestHandler, LocalSwfService } from '../../lib/local';
import { RecordingLogger } from '../helpers/quiet-logger';
import { Hasty, ReliabilityModule, Retrier } from './fixtures/reliability-workflows';

/** Holds the first answer to one action back for `ms`, so that it reaches the service after its task timed out. */
class LateOnce implements HttpHandler {
  readonly metadata = { handlerProtocol: 'tsflow/late-once' };
  held = false;
  constructor(
    private readonly inner: HttpHandler,
    private readonly action: string,
    private readonly ms: number,
  ) {}
  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    if (!this.held && String(request.headers['x-amz-target']).endsWith(`.${this.action}`)) {
      this.held = true;
      await delay(this.ms);
    }
    return this.inner.handle(request, options);
  }
  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/** An app whose client holds back the first answer to `action` by `ms`. */
async function appWithLateAnswer(action: string, ms: number) {
  const service = new LocalSwfService();
  const late = new LateOnce(new InMemoryRequestHandler(service.backend), action, ms);
  const swf = new SWFClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    endpoint: 'http://local.invalid',
    requestHandler: late,
  });
  const logger = new RecordingLogger();
  const app = await FlowFactory.create(ReliabilityModule, {
    domain: 'late',
    taskList: 'late',
    swfClient: swf,
    registerDomain: true,
    logger,
    handleSignals: false,
  });
  const close = async () => {
    await app.close();
    await service.close();
  };
  return { app, logger, close };
}

async function quietLine(logger: RecordingLogger) {
  for (let i = 0; i < 300 && !logger.find('came too late'); i++) await delay(10);
  return logger.find('came too late');
}

describe('a response that arrives after its task timed out', () => {
  it('is refused with UnknownResourceFault and logged quietly, and the retried activity task wins', async function () {
    this.timeout(20_000);
    // The activity returns in 0.4 s, but its answer reaches the service after its 2 s start-to-close timeout.
    const { app, logger, close } = await appWithLateAnswer('RespondActivityTaskCompleted', 2_600);
    try {
      const run = await app.get(WorkflowClient).start(Retrier, 6);
      expect(await run.result({ timeoutMs: 15_000 })).to.equal(7);
      const types = (await run.history()).map((e) => e.eventType);
      expect(types.filter((t) => t === 'ActivityTaskTimedOut')).to.have.length(1);
      expect(types.filter((t) => t === 'ActivityTaskCompleted')).to.have.length(1);
      const line = await quietLine(logger);
      expect(line?.level).to.equal('info');
      expect(line?.message).to.equal('RespondActivityTaskCompleted came too late: the task had already closed');
      expect(logger.lines.filter((l) => l.level === 'error')).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('is refused with UnknownResourceFault and logged quietly, and the retried decision task wins', async function () {
    this.timeout(20_000);
    const { app, logger, close } = await appWithLateAnswer('RespondDecisionTaskCompleted', 2_500);
    try {
      const run = await app.get(WorkflowClient).start(Hasty, 41);
      expect(await run.result({ timeoutMs: 15_000 })).to.equal(42);
      const types = (await run.history()).map((e) => e.eventType);
      expect(types).to.include('DecisionTaskTimedOut');
      expect(types.filter((t) => t === 'WorkflowExecutionCompleted')).to.have.length(1);
      const line = await quietLine(logger);
      expect(line?.level).to.equal('info');
      expect(String(line?.fields?.error)).to.contain('UnknownResourceFault');
      expect(logger.lines.filter((l) => l.level === 'error')).to.deep.equal([]);
    } finally {
      await close();
    }
  });
});
