import 'reflect-metadata';
import { expect } from 'chai';
import { SWFClient } from '@aws-sdk/client-swf';
import { FlowFactory, WorkflowClient, type FlowApp } from '../../index';
import { InMemoryRequestHandler, InProcessLambdaInvoker, LocalSwfService } from '../../lib/local';
import { FaultInjectingHandler } from '../helpers/fault-injecting-handler';
import { RecordingLogger } from '../helpers/quiet-logger';
import { Pipeline, ReliabilityModule, pipelineResult, reliabilityLambdas } from './fixtures/reliability-workflows';
import { reportFigures } from './report-figures';

const EXECUTIONS = 200;

describe('workers under injected faults (throttling, 5xx, dropped connections, late answers)', () => {
  let service: LocalSwfService;
  let workers: FlowApp;
  let clientApp: FlowApp;
  let faults: FaultInjectingHandler;
  let logger: RecordingLogger;

  before(async () => {
    const lambdaInvoker = new InProcessLambdaInvoker().register('double', reliabilityLambdas.double as (input: unknown) => unknown);
    service = new LocalSwfService({ lambdaInvoker });
    faults = new FaultInjectingHandler(new InMemoryRequestHandler(service.backend), { seed: 20261201, rate: 0 });
    // No SDK retries: every fault reaches the workers' own back-off and retry code.
    const faulty = new SWFClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      endpoint: 'http://local-swf.invalid',
      requestHandler: faults,
      maxAttempts: 1,
    });
    logger = new RecordingLogger();
    const options = { domain: 'faults', taskList: 'faults', registerDomain: true, handleSignals: false } as const;
    workers = await FlowFactory.create(ReliabilityModule, {
      ...options,
      swfClient: faulty,
      logger,
      activityConcurrency: 20,
      deciderConcurrency: 4,
    });
    clientApp = await FlowFactory.create(ReliabilityModule, {
      ...options,
      swfClient: service.client(),
      workers: false,
      logger: new RecordingLogger(),
    });
  });

  after(async () => {
    await workers?.close();
    await clientApp?.close();
    await service?.close();
  });

  it(`completes ${EXECUTIONS} executions with the right results, backs off visibly and never crashes a worker`, async function () {
    this.timeout(120_000);
    faults.rate = 0.08;
    const client = clientApp.get(WorkflowClient);
    const started = Date.now();
    const runs = await Promise.all(Array.from({ length: EXECUTIONS }, (_, n) => client.start(Pipeline, n)));
    const results = await Promise.all(runs.map((run) => run.result({ timeoutMs: 110_000 })));
    expect(results).to.deep.equal(Array.from({ length: EXECUTIONS }, (_, n) => pipelineResult(n)));
    for (const [kind, count] of Object.entries(faults.injected)) expect(count, kind).to.be.greaterThan(0);
    const backoffs = logger.lines.filter((l) => l.message.startsWith('poll failed; retrying'));
    expect(backoffs.length).to.be.greaterThan(0);
    expect(backoffs[0].fields).to.have.property('retryInMs');
    expect(logger.lines.filter((l) => l.message === 'task handler failed')).to.deep.equal([]);
    reportFigures('fault injection', {
      executions: EXECUTIONS,
      requests: faults.requests,
      faultsInjected: faults.totalInjected,
      ...faults.injected,
      backoffLogLines: backoffs.length,
      seconds: (Date.now() - started) / 1000,
    });
  });
});
