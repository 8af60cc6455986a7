import type { WorkflowExecutionInfo } from '@aws-sdk/client-swf';
import type { Wire } from '../wire';
import { executionPath } from './dashboard-url';
import type { DomainOverview } from './dashboard-data';
import { STATUSES, statusOf, type DashboardFilters } from './dashboard-filters';
import { SCRIPT_PATH } from './dashboard-script';
import { escapeHtml as e } from './html-escape';
import { TIMELINE_STYLE } from './timeline-view';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;margin-bottom:1.5rem}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}code,pre{font:12px ui-monospace,monospace}pre{margin:0;white-space:pre-wrap;word-break:break-all}
.OPEN{color:#0a6}.COMPLETED{color:#06c}.FAILED,.TIMED_OUT,.TERMINATED{color:#c22}.CANCELED,.CONTINUED_AS_NEW{color:#a60}
.muted{color:#777}nav{display:flex;justify-content:space-between;align-items:center}
form.filters,form.action{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end;margin:.5rem 0 1rem}
form label{display:flex;flex-direction:column;font-size:12px;color:#555}
.notice{background:#e8f4ea;border:1px solid #9c9;padding:.4rem .7rem}.error{background:#fbeaea;border:1px solid #d99;padding:.4rem .7rem}
.actions{display:flex;gap:1.5rem;flex-wrap:wrap}.actions form{border:1px solid #ddd;padding:.5rem;border-radius:4px}
${TIMELINE_STYLE}`;

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style>
<script src="${SCRIPT_PATH}" defer></script></head>
<body><nav><a href="/">tsflow local SWF</a><label class="muted"><input type="checkbox" id="live" checked> live refresh</label></nav>
<main>${body}</main></body></html>`;
}

export function renderOverview(overviews: DomainOverview[], filters: DashboardFilters = {}): string {
  if (overviews.length === 0) {
    return layout('tsflow local SWF', '<h1>No domains yet</h1><p>Register a domain (RegisterDomain) to see it here.</p>');
  }
  const shown = overviews.filter((o) => filters.domain === undefined || o.domain.name === filters.domain);
  const sections = shown.map(({ domain, executions, truncated }) => {
    const rows = executions.map((x) => executionRow(domain.name ?? '', x)).join('');
    const more = truncated ? '<p class="muted">Only the most recent executions are listed.</p>' : '';
    return `<h2>${e(domain.name)} <small class="muted">${e(domain.status)}</small></h2>
${executions.length === 0 ? '<p class="muted">No executions match.</p>' : `<table class="executions"><tr><th>Workflow id</th><th>Run id</th><th>Type</th><th>Status</th><th>Started</th><th>Closed</th></tr>${rows}</table>`}${more}`;
  });
  return layout('tsflow local SWF', `<h1>Domains and executions</h1>${filterForm(overviews, filters)}${sections.join('\n')}`);
}

function filterForm(overviews: DomainOverview[], filters: DashboardFilters): string {
  const option = (value: string, label: string, selected: boolean): string =>
    `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(label)}</option>`;
  const domains = overviews.map((o) => option(o.domain.name ?? '', o.domain.name ?? '', o.domain.name === filters.domain)).join('');
  const statuses = STATUSES.map((s) => option(s, s, s === filters.status)).join('');
  return `<form class="filters" method="get" action="/">
<label>Domain<select name="domain">${option('', 'all', filters.domain === undefined)}${domains}</select></label>
<label>Type<input name="type" value="${e(filters.type ?? '')}" placeholder="any"></label>
<label>Status<select name="status">${option('', 'any', filters.status === undefined)}${statuses}</select></label>
<label>Workflow id<input name="id" value="${e(filters.id ?? '')}" placeholder="any"></label>
<button type="submit">Filter</button> <a href="/">clear</a></form>`;
}

function executionRow(domain: string, x: Wire<WorkflowExecutionInfo>): string {
  const { workflowId = '', runId = '' } = x.execution ?? {};
  const status = statusOf(x);
  return `<tr><td><a href="${e(executionPath(domain, workflowId, runId))}">${e(workflowId)}</a></td><td><code>${e(runId)}</code></td>
<td>${e(x.workflowType?.name)} ${e(x.workflowType?.version)}</td><td class="${e(status)}">${e(status)}</td>
<td>${time(x.startTimestamp)}</td><td>${time(x.closeTimestamp)}</td></tr>`;
}

export function renderNotFound(message: string): string {
  return layout('Not found', `<h1>Not found</h1><p>${e(message)}</p>`);
}

export function renderForbidden(message: string): string {
  return layout('Refused', `<h1>Refused</h1><p>${e(message)}</p>`);
}

export function time(epochSeconds: number | undefined): string {
  return epochSeconds === undefined ? '' : e(new Date(epochSeconds * 1000).toISOString());
}
