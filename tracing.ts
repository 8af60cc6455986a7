/**
 * `tsflow/tracing`: OpenTelemetry spans for workflow starts, decision tasks and activities, one trace per execution.
 * Needs `@opentelemetry/api` (an optional peer dependency) and an OpenTelemetry SDK set up by the app.
 *
 * @example
 * ```ts
 * import { TracingInterceptor } from 'tsflow/tracing';
 * const app = await FlowFactory.create(AppModule, { domain, taskList, interceptors: [new TracingInterceptor()] });
 * ```
 */
export { TRACE_TAG_PREFIX, TracingInterceptor, spanContextFromTags, traceTag } from './lib/tracing';
export type { TracingOptions } from './lib/tracing';
