import type { Decision } from '@aws-sdk/client-swf';

type Attributes = Record<string, unknown>;

/**
 * A decision as a comparable value: `input`/`result` JSON decoded (pyflow wrote
 * them with Python's separators), and ids passed through `mapId`.
 */
export function comparable(decision: Decision, mapId: (id: string) => string = (id) => id): Record<string, unknown> {
  const out: Record<string, unknown> = { decisionType: decision.decisionType };
  for (const [key, value] of Object.entries(decision)) {
    if (key === 'decisionType' || value === undefined) continue;
    const attrs: Attributes = { ...(value as Attributes) };
    for (const field of ['input', 'result'] as const)
      if (typeof attrs[field] === 'string') attrs[field] = JSON.parse(attrs[field] as string);
    for (const field of ['id', 'activityId', 'timerId', 'workflowId'] as const)
      if (typeof attrs[field] === 'string') attrs[field] = mapId(attrs[field] as string);
    out[key] = attrs;
  }
  return out;
}

export function decisionTypes(decisions: readonly Decision[]): string[] {
  return decisions.map((d) => String(d.decisionType));
}
