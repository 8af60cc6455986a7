import { createHash } from 'node:crypto';
import { ROOT_CONTEXT, TraceFlags, trace, type Context, type SpanContext } from '@opentelemetry/api';

/** The tag that carries an execution's trace: W3C `traceparent`, after this prefix. */
export const TRACE_TAG_PREFIX = 'traceparent:';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** `traceparent:00-<trace id>-<span id>-<flags>`: a span's context as an SWF tag (at most 256 characters; this is 67). */
export function traceTag(span: SpanContext): string {
  return `${TRACE_TAG_PREFIX}00-${span.traceId}-${span.spanId}-${span.traceFlags.toString(16).padStart(2, '0')}`;
}

/** The span context in an execution's tags, if one is there and well-formed. */
export function spanContextFromTags(tags: readonly string[]): SpanContext | undefined {
  for (const tag of tags) {
    if (!tag.startsWith(TRACE_TAG_PREFIX)) continue;
    const match = TRACEPARENT.exec(tag.slice(TRACE_TAG_PREFIX.length));
    if (match) return { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16), isRemote: true };
  }
  return undefined;
}

/**
 * A stand-in parent for an execution that was started without a trace (by a
 * client without tracing, the console, another SDK): derived from its run id,
 * so that every decider and activity worker puts the execution's spans in one
 * and the same trace.
 */
export function runSpanContext(runId: string): SpanContext {
  const hex = createHash('sha256').update(`tsflow:${runId}`).digest('hex');
  return { traceId: hex.slice(0, 32), spanId: hex.slice(32, 48), traceFlags: TraceFlags.SAMPLED, isRemote: true };
}

/** The context to start an execution's spans in: its tag's span, else the one derived from its run id. */
export function executionContext(tags: readonly string[], runId: string): Context {
  return trace.setSpanContext(ROOT_CONTEXT, spanContextFromTags(tags) ?? runSpanContext(runId));
}
