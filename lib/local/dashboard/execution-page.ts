import type { HistoryEvent } from '@aws-sdk/client-swf';
import type { Wire } from '../wire';
import type { ExecutionView } from './dashboard-data';
import { actionPath, executionPath } from './dashboard-url';
import { layout, time } from './dashboard-pages';
import { escapeHtml as e } from './html-escape';
import { buildTimeline } from './timeline-model';
import { renderTimeline } from './timeline-view';

export interface ExecutionPageNotes {
  /** What a form just did ("Signal approve sent."). */
  notice?: string;
  /** Why a form was refused. */
  error?: string;
}

/** One execution: its calls as a timeline, its published state, its family, actions while open, and every event. */
export function renderExecution(domain: string, view: ExecutionView, now: number, notes: ExecutionPageNotes = {}): string {
  const info = view.detail.executionInfo;
  const status = info?.executionStatus === 'OPEN' ? 'OPEN' : (info?.closeStatus ?? 'CLOSED');
  const workflowId = info?.execution?.workflowId ?? '';
  const runId = info?.execution?.runId ?? '';
  const model = buildTimeline(view.events, now);
  const start = view.events[0]?.eventTimestamp ?? 0;
  const rows = view.events.map((event) => eventRow(domain, workflowId, event, start)).join('');
  const parent = info?.parent;
  const children = model.calls.filter((c) => c.child).map((c) => c.child!);
  const family = [
    parent?.workflowId && parent.runId
      ? `parent <a href="${e(executionPath(domain, parent.workflowId, parent.runId))}">${e(parent.workflowId)}</a>`
      : '',
    children.length
      ? `children ${children.map((c) => `<a href="${e(executionPath(domain, c.workflowId, c.runId))}">${e(c.workflowId)}</a>`).join(', ')}`
      : '',
  ].filter(Boolean);
  const state = view.detail.latestExecutionContext;
  return layout(
    `${workflowId} (${status})`,
    `<h1>${e(workflowId)} <span class="${e(status)}">${e(status)}</span></h1>
${notes.notice ? `<p class="notice">${e(notes.notice)}</p>` : ''}${notes.error ? `<p class="error">${e(notes.error)}</p>` : ''}
<p>Domain <b>${e(domain)}</b> · run <code>${e(runId)}</code> · type ${e(info?.workflowType?.name)} ${e(info?.workflowType?.version)}
· ${view.events.length} events · started ${time(info?.startTimestamp)}${info?.closeTimestamp ? ` · closed ${time(info.closeTimestamp)}` : ''}</p>
${family.length ? `<p class="family">${family.join(' · ')}</p>` : ''}
<h2>Timeline</h2>
${renderTimeline(domain, model)}
<h2>Published state</h2>
${state ? `<pre class="state">${e(state)}</pre>` : '<p class="muted">The workflow has published no state (executionContext).</p>'}
${status === 'OPEN' ? actionForms(domain, workflowId, runId) : ''}
<h2>History</h2>
<table class="events"><tr><th>#</th><th>Time</th><th>+s</th><th>Event</th><th>Attributes</th></tr>${rows}</table>`,
  );
}

function actionForms(domain: string, workflowId: string, runId: string): string {
  const to = (action: string): string => e(actionPath(domain, workflowId, runId, action));
  return `<h2>Actions</h2><div class="actions">
<form class="action" method="post" action="${to('signal')}"><label>Signal name<input name="signalName" required></label>
<label>Input (JSON)<input name="input" placeholder='{"approved":true}'></label><button type="submit">Signal</button></form>
<form class="action" method="post" action="${to('cancel')}"><button type="submit">Request cancel</button></form>
<form class="action" method="post" action="${to('terminate')}"><label>Reason<input name="reason" placeholder="why"></label><button type="submit">Terminate</button></form>
</div>`;
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

/** One `key: value` line per attribute; long payloads are cut so the table stays readable. */
function formatAttributes(attributes: unknown): string {
  if (typeof attributes !== 'object' || attributes === null) return '';
  return Object.entries(attributes)
    .map(([key, value]) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return `${key}: ${text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text}`;
    })
    .join('\n');
}
