import 'reflect-metadata';
import { expect } from 'chai';
import { SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  Activities,
  Activity,
  ChildWorkflow,
  FlowFactory,
  WorkerModule,
  Workflow,
  WorkflowClient,
  type ActivityCall,
  type ChildWorkflowCall,
  type FlowApp,
} from '../../index';
import { TracingInterceptor, spanContextFromTags } from '../../tracing';
import { runSpanContext } from '../../lib/tracing';
import { RecordingLogger } from '../helpers/quiet-logger';

@Activities({ version: '1', prefix: 'traced', defaultTaskList: 'tracing-spec-activities', defaultTaskStartToCloseTimeout: 30 })
class TracedActivities {
  @Activity()
  async label(text: string): Promise<string> {
    if (text === 'bad') throw new TypeError('bad label');
    return `[${text}]`;
  }

  private readonly tried = new Set<string>();

  /** Fails the first time it is asked for each text. */
  @Activity()
  async secondTime(text: string): Promise<string> {
    if (!this.tried.has(text)) {
      this.tried.add(text);
      throw new RangeError('not yet');
    }
    return text;
  }
}

@Workflow('TracedRetry', '1')
class TracedRetry {
  @Activity(TracedActivities, 'secondTime', { retry: { maximumAttempts: 2, initialInterval: 1 } }) secondTime!: ActivityCall<
    string,
    string
  >;
  async run(text: string): Promise<string> {
    return this.secondTime(text);
  }
}

@Workflow('TracedChild', '1')
class TracedChild {
  @Activity(TracedActivities, 'label') label!: ActivityCall<string, string>;
  async run(text: string): Promise<string> {
    return this.label(text);
  }
}

@Workflow('TracedParent', '1')
class TracedParent {
  @Activity(TracedActivities, 'label') label!: ActivityCall<string, string>;
  @ChildWorkflow(TracedChild, { tagList: ['child'] }) child!: ChildWorkflowCall<string, string>;
  async run(text: string): Promise<string> {
    const own = await this.label(text);
    const failed = await this.label('bad').catch(() => 'caught');
    return `${own} ${await this.child(text)} ${failed}`;
  }
}

describe('TracingInterceptor', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let app: FlowApp;

  @WorkerModule({
    workflows: [TracedParent, TracedChild, TracedRetry],
    activities: [TracedActivities],
    interceptors: [new TracingInterceptor({ tracer: provider.getTracer('spec') })],
  })
  class TracedModule {}

  before(async () => {
    app = await FlowFactory.create(TracedModule, {
      domain: 'tracing',
      taskList: 'tracing-spec',
      local: true,
      logger: new RecordingLogger(),
      handleSignals: false,
    });
  });

  after(() => app?.close());
  beforeEach(() => exporter.reset());

  const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;

  it('puts a start span, every decision task and every activity of an execution and its child in one trace', async () => {
    const client = app.get(WorkflowClient);
    const run = await client.start(TracedParent, 'hi', { tagList: ['mine'] });
    expect(await run.result({ timeoutMs: 20_000 })).to.equal('[hi] [hi] caught');
    const spans = exporter.getFinishedSpans();
    const start = spans.find((s) => s.name === 'start TracedParent@1')!;
    expect(start, 'a start span').to.not.equal(undefined);
    expect(start.attributes['tsflow.run.id']).to.equal(run.runId);
    expect(new Set(spans.map((s) => s.spanContext().traceId))).to.deep.equal(new Set([start.spanContext().traceId]));

    const names = spans.map((s) => s.name);
    expect(names.filter((n) => n === 'decide TracedParent@1').length).to.be.greaterThanOrEqual(4);
    expect(names.filter((n) => n === 'decide TracedChild@1').length).to.be.greaterThanOrEqual(2);
    expect(names.filter((n) => n === 'activity traced.label@1')).to.have.length(3);
    // Every worker span hangs off the client's start span: it travelled in the execution's tags, and on to the child.
    for (const span of spans.filter((s) => s !== start)) expect(parentOf(span), span.name).to.equal(start.spanContext().spanId);

    const described = await client.describe(run.workflowId, run.runId!);
    expect(described.executionInfo?.tagList?.[0]).to.equal('mine');
    expect(spanContextFromTags(described.executionInfo?.tagList ?? [])?.spanId).to.equal(start.spanContext().spanId);
  });

  it('marks a failed activity’s span as an error, with the exception', async () => {
    const run = await app.get(WorkflowClient).start(TracedParent, 'x');
    await run.result({ timeoutMs: 20_000 });
    const failed = exporter
      .getFinishedSpans()
      .filter((s) => s.name === 'activity traced.label@1' && s.status.code === SpanStatusCode.ERROR);
    expect(failed).to.have.length(1);
    expect(failed[0].status.message).to.equal('bad label');
    expect(failed[0].events.map((e) => e.name)).to.deep.equal(['exception']);
    expect(failed[0].attributes['tsflow.activity.attempt']).to.equal(1);
  });

  it('marks each call and each attempt, with its id, on the span of the decision task that made it, once', async () => {
    const client = app.get(WorkflowClient);
    const run = await client.start(TracedParent, 'ids', { workflowId: 'traced-ids' });
    await run.result({ timeoutMs: 20_000 });
    const retried = await client.start(TracedRetry, 'again', { workflowId: 'traced-retry' });
    expect(await retried.result({ timeoutMs: 20_000 })).to.equal('again');
    const calls = (runId: string | undefined) =>
      exporter
        .getFinishedSpans()
        .filter((s) => s.name.startsWith('decide ') && s.attributes['tsflow.run.id'] === runId)
        .flatMap((s) => s.events)
        .map((e) => [
          e.name,
          e.attributes?.['tsflow.call.id'],
          e.attributes?.['tsflow.call.attempt_id'],
          e.attributes?.['tsflow.call.attempt'],
        ]);
    expect(calls(run.runId)).to.deep.equal([
      ['call traced.label@1', 'activity1', 'activity1', 1],
      ['call traced.label@1', 'activity2', 'activity2', 1],
      ['call TracedChild@1', 'traced-ids-child1', 'traced-ids-child1', 1],
    ]);
    expect(calls(retried.runId)).to.deep.equal([
      ['call traced.secondTime@1', 'activity1', 'activity1', 1],
      ['call traced.secondTime@1', 'activity1', 'activity1#2', 2],
    ]);
  });

  it('keeps the child’s declared tags beside the trace tag', async () => {
    const run = await app.get(WorkflowClient).start(TracedParent, 'y');
    await run.result({ timeoutMs: 20_000 });
    const childRun = exporter.getFinishedSpans().find((s) => s.name === 'decide TracedChild@1')!.attributes['tsflow.workflow.id'] as string;
    const [child] = await app.get(WorkflowClient).list({ workflowId: childRun, status: 'closed' });
    expect(child.tagList?.[0]).to.equal('child');
    expect(child.tagList?.[1]).to.match(/^traceparent:00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('is what the package exports as tsflow/tracing', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require('tsflow/tracing') as { TracingInterceptor: unknown }).TracingInterceptor).to.equal(TracingInterceptor);
  });

  it('gives an execution started without tracing one trace of its own, derived from its run id', async () => {
    const swf = app.get(WorkflowClient);
    const plain = new WorkflowClient(swf.swf, { ...swf.config, interceptors: undefined });
    const run = await plain.start(TracedChild, 'plain');
    await run.result({ timeoutMs: 20_000 });
    const spans = exporter.getFinishedSpans().filter((s) => s.attributes['tsflow.run.id'] === run.runId);
    expect(spans.length).to.be.greaterThanOrEqual(3);
    const expected = runSpanContext(run.runId!);
    for (const span of spans) {
      expect(span.spanContext().traceId).to.equal(expected.traceId);
      expect(parentOf(span)).to.equal(expected.spanId);
    }
  });
});
