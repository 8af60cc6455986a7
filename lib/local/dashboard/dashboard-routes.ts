import { isSwfFault } from '../swf-fault';
import type { PageHandler, PageRequest, PageResponse } from '../transport/swf-http-server';
import type { SwfDispatcher } from '../transport/swf-json-protocol';
import { ACTIONS, DashboardActionError, runAction, type DashboardAction } from './dashboard-actions';
import { loadExecution, loadOverview } from './dashboard-data';
import { parseFilters } from './dashboard-filters';
import { renderForbidden, renderNotFound, renderOverview } from './dashboard-pages';
import { DASHBOARD_SCRIPT, SCRIPT_PATH } from './dashboard-script';
import { ACTION_PATH_PREFIX, EXECUTION_PATH_PREFIX, executionPath } from './dashboard-url';
import { renderExecution } from './execution-page';

const DONE: Record<DashboardAction, string> = { signal: 'Signal sent.', cancel: 'Cancellation requested.', terminate: 'Terminated.' };

/**
 * The dashboard: `GET /` lists executions (filters in the query string),
 * `GET /executions/<domain>/<workflowId>/<runId>` shows one, and
 * `POST /actions/<domain>/<workflowId>/<runId>/<signal|cancel|terminate>`
 * acts on it, from this page only. Other requests are left to the SWF protocol.
 *
 * @param now the service's time in epoch seconds (open calls are drawn up to it)
 */
export function dashboardPages(service: SwfDispatcher, now: () => number = () => Date.now() / 1000): PageHandler {
  return async (request) => {
    const [path, query = ''] = request.path.split('?');
    if (request.method === 'POST') return path.startsWith(ACTION_PATH_PREFIX) ? act(service, request, path, now) : undefined;
    if (path === SCRIPT_PATH) return { statusCode: 200, script: DASHBOARD_SCRIPT };
    if (path === '/favicon.ico') return { statusCode: 204, html: '' }; // browsers ask; an error would fill their console
    if (path === '/' || path === '/index.html') {
      const filters = parseFilters(query);
      return { statusCode: 200, html: renderOverview(await loadOverview(service, filters), filters) };
    }
    if (!path.startsWith(EXECUTION_PATH_PREFIX)) return undefined;
    const parts = decodeSegments(path.slice(EXECUTION_PATH_PREFIX.length));
    if (parts === undefined || parts.length !== 3 || parts.some((p) => p === '')) {
      return notFound(`"${request.path}" is not /executions/<domain>/<workflowId>/<runId> (each part URL-encoded).`);
    }
    const [domain, workflowId, runId] = parts;
    const done = new URLSearchParams(query).get('done') as DashboardAction | null;
    return executionPage(service, domain, { workflowId, runId }, now, { notice: done && ACTIONS.includes(done) ? DONE[done] : undefined });
  };
}

async function executionPage(
  service: SwfDispatcher,
  domain: string,
  execution: { workflowId: string; runId: string },
  now: () => number,
  notes: { notice?: string; error?: string },
  statusCode = 200,
): Promise<PageResponse> {
  try {
    const view = await loadExecution(service, domain, execution);
    return { statusCode, html: renderExecution(domain, view, now(), notes) };
  } catch (error) {
    if (isSwfFault(error))
      return notFound(`No execution ${execution.workflowId} / ${execution.runId} in domain ${domain}: ${error.message}`);
    throw error;
  }
}

async function act(service: SwfDispatcher, request: PageRequest, path: string, now: () => number): Promise<PageResponse> {
  if (!sameOrigin(request)) {
    return {
      statusCode: 403,
      html: renderForbidden('Dashboard actions are accepted only from the dashboard itself (the Origin header did not match).'),
    };
  }
  const parts = decodeSegments(path.slice(ACTION_PATH_PREFIX.length));
  const action = parts?.[3] as DashboardAction | undefined;
  if (parts === undefined || parts.length !== 4 || parts.some((p) => p === '') || !ACTIONS.includes(action!)) {
    return notFound(`"${path}" is not /actions/<domain>/<workflowId>/<runId>/<${ACTIONS.join('|')}>.`);
  }
  const [domain, workflowId, runId] = parts;
  try {
    await runAction(service, action!, { domain, workflowId, runId }, new URLSearchParams(request.body ?? ''));
  } catch (error) {
    if (!(error instanceof DashboardActionError) && !isSwfFault(error)) throw error;
    return executionPage(service, domain, { workflowId, runId }, now, { error: error.message }, 400);
  }
  // Post/redirect/get: reloading the page does not repeat the action.
  return { statusCode: 303, location: `${executionPath(domain, workflowId, runId)}?done=${action}`, html: '' };
}

/**
 * A form on another site could post here (the service listens on loopback,
 * where a browser can reach it): accept only posts whose Origin is this host.
 */
function sameOrigin(request: PageRequest): boolean {
  const { origin, host } = request.headers;
  if (origin !== undefined) return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
  return request.headers['sec-fetch-site'] === 'same-origin';
}

function decodeSegments(rest: string): string[] | undefined {
  try {
    return rest.split('/').map(decodeURIComponent);
  } catch {
    return undefined; // malformed %-escape
  }
}

function notFound(message: string): PageResponse {
  return { statusCode: 404, html: renderNotFound(message) };
}
