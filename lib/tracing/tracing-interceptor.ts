import { SpanKind, SpanStatusCode, context, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import type { ClientCallInfo, ClientInterceptor } from '../client/client-interceptor.types';
import type {
  ActivityCallInfo,
  ActivityInterceptor,
  DecisionTaskInfo,
  DecisionTaskReport,
  WorkerInterceptor,
} from '../interceptors/worker-interceptor.types';
import type {
  WorkflowCallAttempt,
  WorkflowCallInfo,
  WorkflowCallNext,
  WorkflowInterceptor,
} from '../interceptors/workflow-interceptor.types';
import { TRACE_TAG_PREFIX, executionContext, runSpanContext, spanContextFromTags, traceTag } from './trace-tag';

export interface TracingOptions {
  /** The tracer to record with; default `trace.getTracer('tsflow')` from the global provider. */
  tracer?: Tracer;
}

function fail(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * OpenTelemetry tracing for an app: a span for each workflow start, each
 * decision task and each activity execution, all in one trace per execution.
 * The client's start span travels in the execution's tags (a W3C
 * `traceparent:` tag, one of SWF's five); deciders and activity workers parent
 * their spans on it, and child workflows are started with it too. Executions
 * started without it get a trace derived from their run id. Each attempt of a
 * call the workflow makes is an event (`call <type>`, with its call id, attempt
 * id and attempt) on the span of the decision task that committed to it: the
 * one that made the call, for a retry the one that started its back-off timer.
 *
 * @example
 * ```ts
 * import { TracingInterceptor } from 'tsflow/tracing';
 * @WorkerModule({ workflows: [FulfilOrder], activities: [OrderActivities], interceptors: [new TracingInterceptor()] })
 * export class OrdersModule {}
 * ```
 */
export class TracingInterceptor implements ClientInterceptor, WorkerInterceptor, ActivityInterceptor, WorkflowInterceptor {
  /**
   * Its workflow side copies the execution's trace tag onto child workflows (the same on every
   * replay) and adds span events, which change no call.
   */
  readonly deterministic = true;
  private readonly tracer: Tracer;
  /** The span of the decision task each run is in, by run id: where its calls' events go (SWF runs one task per run at a time). */
  private readonly deciding = new Map<string, Span>();

  constructor(options: TracingOptions = {}) {
    this.tracer = options.tracer ?? trace.getTracer('tsflow');
  }

  async interceptClient(call: ClientCallInfo, next: (call: ClientCallInfo) => Promise<unknown>): Promise<unknown> {
    if (call.kind !== 'start') return next(call);
    const attributes: Attributes = { 'tsflow.workflow.type': call.type, 'tsflow.workflow.id': call.workflowId };
    const span = this.tracer.startSpan(`start ${call.type}`, { kind: SpanKind.PRODUCER, attributes });
    const tagList = [...(call.options.tagList ?? []).filter((t) => !t.startsWith(TRACE_TAG_PREFIX)), traceTag(span.spanContext())];
    try {
      const runId = await context.with(trace.setSpan(context.active(), span), () =>
        next({ ...call, options: { ...call.options, tagList } }),
      );
      if (typeof runId === 'string') span.setAttribute('tsflow.run.id', runId);
      return runId;
    } catch (error) {
      fail(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  async interceptDecisionTask(
    task: DecisionTaskInfo,
    next: (task: DecisionTaskInfo) => Promise<DecisionTaskReport>,
  ): Promise<DecisionTaskReport> {
    const parent = executionContext(await task.tags().catch(() => []), task.runId);
    const span = this.tracer.startSpan(
      `decide ${task.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'tsflow.workflow.type': task.type,
          'tsflow.workflow.id': task.workflowId,
          'tsflow.run.id': task.runId,
          'tsflow.decision.started_event_id': task.startedEventId,
        },
      },
      parent,
    );
    this.deciding.set(task.runId, span);
    try {
      const report = await context.with(trace.setSpan(parent, span), () => next(task));
      span.setAttributes({
        'tsflow.decision.outcome': report.outcome,
        'tsflow.decision.events_fetched': report.eventsFetched,
        ...(report.cache ? { 'tsflow.decision.cache': report.cache } : {}),
        ...(report.decisions === undefined ? {} : { 'tsflow.decision.decisions': report.decisions }),
      });
      if (report.outcome !== 'completed') span.setStatus({ code: SpanStatusCode.ERROR, message: report.outcome });
      return report;
    } finally {
      if (this.deciding.get(task.runId) === span) this.deciding.delete(task.runId);
      span.end();
    }
  }

  async interceptActivity(call: ActivityCallInfo, next: (call: ActivityCallInfo) => Promise<unknown>): Promise<unknown> {
    const parent = executionContext(await call.tags().catch(() => []), call.runId);
    const span = this.tracer.startSpan(
      `activity ${call.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'tsflow.activity.type': call.type,
          'tsflow.activity.id': call.activityId,
          'tsflow.activity.attempt': call.attempt,
          'tsflow.workflow.id': call.workflowId,
          'tsflow.run.id': call.runId,
        },
      },
      parent,
    );
    try {
      // Spans the activity opens itself nest under this one (with a context manager registered).
      return await context.with(trace.setSpan(parent, span), () => next(call));
    } catch (error) {
      fail(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  /** Starts child workflows with the parent's trace tag, so that their spans join its trace. */
  interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
    if (call.kind !== 'child-workflow') return next(call);
    const parent = spanContextFromTags(call.tags) ?? runSpanContext(call.runId);
    const given = (call.options?.tagList ?? call.declared.tagList ?? []) as string[];
    const tagList = [...given.filter((t) => !t.startsWith(TRACE_TAG_PREFIX)), traceTag(parent)];
    return next({ ...call, options: { ...call.options, tagList } });
  }

  /** Marks each attempt on the span of the decision task that commits to it (not again when replayed). */
  onWorkflowCallAttempt(attempt: WorkflowCallAttempt): void {
    if (attempt.isReplaying) return;
    this.deciding.get(attempt.runId)?.addEvent(`call ${attempt.type}`, {
      'tsflow.call.kind': attempt.kind,
      'tsflow.call.type': attempt.type,
      'tsflow.call.member': attempt.member,
      'tsflow.call.id': attempt.callId,
      'tsflow.call.attempt_id': attempt.attemptId,
      'tsflow.call.attempt': attempt.attempt,
      'tsflow.call.delay_seconds': attempt.delaySeconds,
    });
  }
}
