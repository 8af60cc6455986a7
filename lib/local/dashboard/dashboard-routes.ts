import { isSwfFault } from '../swf-fault';
import type { PageHandler } from '../transport/swf-http-server';
import type { SwfDispatcher } from '../transport/swf-json-protocol';
import { loadExecution, loadOverview } from './dashboard-data';
import { EXECUTION_PATH_PREFIX } from './dashboard-url';
import { renderExecution, renderNotFound, renderOverview } from './dashboard-pages';

/**
 * The read-only dashboard: `GET /` lists domains and executions,
 * `GET /executions/<domain>/<workflowId>/<runId>` shows one history.
 * Other paths are left to the SWF protocol's error answer.
 */
export function dashboardPages(service: SwfDispatcher): PageHandler {
  return async (url) => {
    const path = url.split('?')[0];
    if (path === '/' || path === '/index.html') return { statusCode: 200, html: renderOverview(await loadOverview(service)) };
    if (!path.startsWith(EXECUTION_PATH_PREFIX)) return undefined;
    const parts = decodeSegments(path.slice(EXECUTION_PATH_PREFIX.length));
    if (parts === undefined || parts.length !== 3 || parts.some((p) => p === '')) {
      return notFound(`"${url}" is not /executions/<domain>/<workflowId>/<runId> (each part URL-encoded).`);
    }
    const [domain, workflowId, runId] = parts;
    try {
      const view = await loadExecution(service, domain, { workflowId, runId });
      return { statusCode: 200, html: renderExecution(domain, view) };
    } catch (error) {
      if (isSwfFault(error)) return notFound(`No execution ${workflowId} / ${runId} in domain ${domain}: ${error.message}`);
      throw error;
    }
  };
}

function decodeSegments(rest: string): string[] | undefined {
  try {
    return rest.split('/').map(decodeURIComponent);
  } catch {
    return undefined; // malformed %-escape
  }
}

function notFound(message: string): { statusCode: number; html: string } {
  return { statusCode: 404, html: renderNotFound(message) };
}
