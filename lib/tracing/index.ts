export { TRACE_TAG_PREFIX, executionContext, runSpanContext, spanContextFromTags, traceTag } from './trace-tag';
export { TracingInterceptor } from './tracing-interceptor';
export type { TracingOptions } from './tracing-interceptor';
