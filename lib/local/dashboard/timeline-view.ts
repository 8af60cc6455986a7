import { executionPath } from './dashboard-url';
import { escapeHtml as e } from './html-escape';
import type { TimelineCall, TimelineMark, TimelineModel } from './timeline-model';

export const TIMELINE_STYLE = `.timeline{margin:1rem 0 1.5rem;border:1px solid #ddd;border-radius:4px;padding:.5rem}
.row,.timeline summary{display:grid;grid-template-columns:minmax(14rem,26rem) 1fr 6.5rem;gap:.6rem;align-items:center;padding:.15rem 0}
.timeline summary{cursor:pointer;list-style:none}.timeline summary::-webkit-details-marker{display:none}
.timeline details[open] summary,.timeline summary:hover{background:#f6f8fa}
.track{position:relative;height:14px;background:#f1f1f1;border-radius:2px}
.bar,.wait,.tick{position:absolute;top:0;height:14px;border-radius:2px}
.wait{background:#c9d8ea}.bar{background:#3d7ab8}.timer .bar{background:#9a7bc8}.child .bar{background:#2f9a8a}
.lambda .bar{background:#d08a2c}.decision .bar{background:#999}.open .bar{background-image:repeating-linear-gradient(45deg,transparent 0 4px,rgba(255,255,255,.4) 4px 8px)}
.failed .bar,.timed-out .bar,.terminated .bar{background:#c22}.canceled .bar{background:#a60}
.timeline details.failed summary,.timeline details.timed-out summary,.timeline details.terminated summary{background:#fdf0f0}
.tick{width:3px;background:#555}.tick.failure{background:#c22}
.outcome{font-size:12px}.failed .outcome,.timed-out .outcome,.terminated .outcome{color:#c22;font-weight:600}
.label small{color:#777}.retry{background:#fde7c5;border-radius:3px;padding:0 .3rem;margin-left:.3rem;color:#8a5300}
.detail{margin:.2rem 0 .6rem 1rem;padding:.4rem .6rem;border-left:3px solid #ddd}.detail dt{font-weight:600}.detail dd{margin:0 0 .4rem}
.axis{display:grid;grid-template-columns:minmax(14rem,26rem) 1fr 6.5rem;gap:.6rem;color:#777;font-size:12px}
.axis .scale{display:flex;justify-content:space-between}`;

/** The execution's calls as bars from scheduled to closed, each opening on click to its input and result. */
export function renderTimeline(domain: string, model: TimelineModel): string {
  const span = Math.max(model.end - model.start, 0.001);
  const pct = (t: number): number => Math.min(100, Math.max(0, ((t - model.start) / span) * 100));
  const decisions = model.calls.filter((c) => c.kind === 'decision');
  const calls = model.calls.filter((c) => c.kind !== 'decision');
  const rows = calls.map((call) => callRow(domain, call, model, pct)).join('\n');
  const decisionBars = decisions.map((d) => segment(d, model, pct)).join('');
  const ticks = model.marks
    .map(
      (m) =>
        `<span class="tick${m.failure ? ' failure' : ''}" style="left:${pct(m.at).toFixed(2)}%" title="${e(`#${m.eventId} ${m.label}`)}"></span>`,
    )
    .join('');
  return `<section class="timeline" aria-label="timeline">
<div class="axis"><span>${calls.length} calls</span><span class="scale"><span>+0s</span><span>+${e(span.toFixed(3))}s</span></span><span></span></div>
${rows}
<div class="row decision"><span class="label">decision tasks <small>${decisions.length}</small></span><span class="track">${decisionBars}</span><span></span></div>
<div class="row"><span class="label">events <small>markers, signals, close</small></span><span class="track">${ticks}</span><span></span></div>
</section>${renderMarks(model.marks, model.start)}`;
}

function callRow(domain: string, call: TimelineCall, model: TimelineModel, pct: (t: number) => number): string {
  const retry = call.attempt > 1 ? `<span class="retry">retry ${call.attempt - 1}</span>` : '';
  const duration = ((call.closedAt ?? model.end) - call.scheduledAt).toFixed(3);
  return `<details class="call ${call.kind} ${call.outcome}" id="call-${call.eventId}">
<summary><span class="label">${call.kind} <b>${e(call.name)}</b> <small>${e(call.id)}</small>${retry}</span><span class="track">${segment(call, model, pct)}</span><span class="outcome">${e(call.outcome)} <small>${e(duration)}s</small></span></summary>
<dl class="detail">${field('scheduled', `event ${call.eventId}, +${(call.scheduledAt - model.start).toFixed(3)}s`)}${field('input', call.input)}${field('result', call.result)}${field('reason', call.reason)}${field('details', call.details)}${
    call.child
      ? `<dt>execution</dt><dd><a href="${e(executionPath(domain, call.child.workflowId, call.child.runId))}">${e(call.child.workflowId)}</a></dd>`
      : ''
  }</dl>
</details>`;
}

function segment(call: TimelineCall, model: TimelineModel, pct: (t: number) => number): string {
  const from = pct(call.scheduledAt);
  const started = call.startedAt === undefined ? undefined : pct(call.startedAt);
  const to = pct(call.closedAt ?? model.end);
  const width = (a: number, b: number): string => Math.max(0.4, b - a).toFixed(2);
  const title = e(`${call.kind} ${call.name} ${call.id}: ${call.outcome}`);
  if (started === undefined || call.kind === 'timer') {
    return `<span class="bar" style="left:${from.toFixed(2)}%;width:${width(from, to)}%" title="${title}"></span>`;
  }
  return `<span class="wait" style="left:${from.toFixed(2)}%;width:${width(from, started)}%"></span><span class="bar" style="left:${started.toFixed(2)}%;width:${width(started, to)}%" title="${title}"></span>`;
}

function field(name: string, value: string | undefined): string {
  if (value === undefined || value === '') return '';
  const text = value.length > 2000 ? `${value.slice(0, 2000)}… (${value.length} chars)` : value;
  return `<dt>${e(name)}</dt><dd><pre>${e(text)}</pre></dd>`;
}

function renderMarks(marks: readonly TimelineMark[], start: number): string {
  if (marks.length === 0) return '';
  const items = marks
    .map(
      (m) =>
        `<li class="${m.failure ? 'FAILED' : ''}">+${e((m.at - start).toFixed(3))}s #${e(m.eventId)} ${e(m.label)}${m.detail ? ` <code>${e(clip(m.detail))}</code>` : ''}</li>`,
    )
    .join('');
  return `<ul class="marks">${items}</ul>`;
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
