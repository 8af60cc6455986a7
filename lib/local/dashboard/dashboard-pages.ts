import type { HistoryEvent, WorkflowExecutionInfo } from '@aws-sdk/client-swf';
import type { Wire } from '../wire';
import { executionPath } from './dashboard-url';
import type { DomainOverview, ExecutionView } from './dashboard-data';
import { escapeHtml as e } from './html-escape';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;margin-bottom:1.5rem}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}code,pre{font:12px ui-monospace,monospace}pre{margin:0;white-space:pre-wrap;word-break:break-all}
.OPEN{color:#0a6}.COMPLETED{color:#06c}.FAILED,.TIMED_OUT,.TERMINATED{color:#c22}.CANCELED,.CONTINUED_AS_NEW{color:#a60}
.muted{color:#777}`;

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style></head>
<body><p class="muted"><a href="/">tsflow local SWF</a></p>${body}</body></html>`;
}

export function renderOverview(overviews: DomainOverview[]): string {
  if (overviews.length === 0) {
    return layout('tsflow local SWF', '<h1>No domains yet</h1><p>Register a domain (RegisterDomain) to see it here.</p>');
  }
  const sections = overviews.map(({ domain, executions, truncated }) => {
    const rows = executions.map((x) => executionRow(domain.name ?? '', x)).join('');
    const more = truncated ? '<p class="muted">Only the most recent executions are listed.</p>' : '';
    return `<h2>${e(domain.name)} <small class="muted">${e(domain.status)}</small></h2>
${executions.length === 0 ? '<p class="muted">No executions.</p>' : `<table><tr><th>Workflow id</th><th>Run id</th><th>Type</th><th>Status</th><th>Started</th><th>Closed</th></tr>${rows}</table>`}${more}`;
  });
  return layout('tsflow local SWF', `<h1>Domains and executions</h1>${sections.join('\n')}`);
}

function executionRow(domain: string, x: Wire<WorkflowExecutionInfo>): string {
  const { workflowId = '', runId = '' } = x.execution ?? {};
  const status = x.executionStatus === 'OPEN' ? 'OPEN' : (x.closeStatus ?? 'CLOSED');
  return `<tr><td><a href="${e(executionPath(domain, workflowId, runId))}">${e(workflowId)}</a></td><td><code>${e(runId)}</code></td>
<td>${e(x.workflowType?.name)} ${e(x.workflowType?.version)}</td><td class="${e(status)}">${e(status)}</td>
<td>${time(x.startTimestamp)}</td><td>${time(x.closeTimestamp)}</td></tr>`;
}

export function renderExecution(domain: string, view: ExecutionView): string {
  const info = view.detail.executionInfo;
  const status = info?.executionStatus === 'OPEN' ? 'OPEN' : (info?.closeStatus ?? 'CLOSED');
  const start = view.events[0]?.eventTimestamp ?? 0;
  const workflowId = info?.execution?.workflowId ?? '';
  const rows = view.events.map((event) => eventRow(domain, workflowId, event, start)).join('');
  const title = `${info?.execution?.workflowId ?? ''} (${status})`;
  return layout(
    title,
    `<h1>${e(info?.execution?.workflowId)} <span class="${e(status)}">${e(status)}</span></h1>
<p>Domain <b>${e(domain)}</b> · run <code>${e(info?.execution?.runId)}</code> · type ${e(info?.workflowType?.name)} ${e(info?.workflowType?.version)}
· ${view.events.length} events</p>
<table><tr><th>#</th><th>Time</th><th>+s</th><th>Event</th><th>Attributes</th></tr>${rows}</table>`,
  );
}

function eventRow(domain: string, workflowId: string, event: Wire<HistoryEvent>, start: number): string {
  const key = `${event.eventType?.[0]?.toLowerCase() ?? ''}${event.eventType?.slice(1) ?? ''}EventAttributes`;
  const attributes = (event as Record<string, unknown>)[key];
  const offset = event.eventTimestamp === undefined ? '' : (event.eventTimestamp - start).toFixed(3);
  return `<tr><td>${e(event.eventId)}</td><td>${time(event.eventTimestamp)}</td><td class="muted">${e(offset)}</td>
<td>${e(event.eventType)}${relatedLinks(domain, workflowId, attributes)}</td><td><pre>${e(formatAttributes(attributes))}</pre></td></tr>`;
}

/** Links to the other runs an event names (parent, child, signalled, next run), to walk a family of executions. */
function relatedLinks(domain: string, workflowId: string, attributes: unknown): string {
  if (typeof attributes !== 'object' || attributes === null) return '';
  const refs: { workflowId: string; runId: string }[] = [];
  for (const key of ['workflowExecution', 'parentWorkflowExecution', 'externalWorkflowExecution']) {
    const ref = (attributes as Record<string, { workflowId?: string; runId?: string } | undefined>)[key];
    if (ref?.workflowId && ref.runId) refs.push({ workflowId: ref.workflowId, runId: ref.runId });
  }
  const next = (attributes as { newExecutionRunId?: string }).newExecutionRunId;
  if (next) refs.push({ workflowId, runId: next });
  return refs.map((r) => `<br><a href="${e(executionPath(domain, r.workflowId, r.runId))}">→ ${e(r.workflowId)}</a>`).join('');
}

/** One `key: value` line per attribute; long payloads are cut so the timeline stays readable. */
function formatAttributes(attributes: unknown): string {
  if (typeof attributes !== 'object' || attributes === null) return '';
  return Object.entries(attributes)
    .map(([key, value]) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return `${key}: ${text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text}`;
    })
    .join('\n');
}

export function renderNotFound(message: string): string {
  return layout('Not found', `<h1>Not found</h1><p>${e(message)}</p>`);
}

function time(epochSeconds: number | undefined): string {
  return epochSeconds === undefined ? '' : e(new Date(epochSeconds * 1000).toISOString());
}
