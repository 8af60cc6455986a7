/**
 * Where the dashboard shows one execution's history. Workers log it so a
 * developer can click from a log line to the timeline.
 *
 * @example
 * dashboardUrl('http://127.0.0.1:8080', 'dev', 'order-42', runId);
 * // → http://127.0.0.1:8080/executions/dev/order-42/<runId>
 */
export function dashboardUrl(baseUrl: string, domain: string, workflowId: string, runId: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}${executionPath(domain, workflowId, runId)}`;
}

export const EXECUTION_PATH_PREFIX = '/executions/';

export function executionPath(domain: string, workflowId: string, runId: string): string {
  return EXECUTION_PATH_PREFIX + [domain, workflowId, runId].map(encodeURIComponent).join('/');
}

export const ACTION_PATH_PREFIX = '/actions/';

/** Where an execution page's forms post: `/actions/<domain>/<workflowId>/<runId>/<action>`. */
export function actionPath(domain: string, workflowId: string, runId: string, action: string): string {
  return ACTION_PATH_PREFIX + [domain, workflowId, runId, action].map(encodeURIComponent).join('/');
}
