import { SWFClient } from '@aws-sdk/client-swf';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Logger } from '../logging/logger';
import type { FlowOptions, LocalOptions } from './flow-options';
import type { SwfConnection } from './swf-connection';

/**
 * Connects to AWS SWF, to a dev server, or (with `local`) to an embedded
 * service. The embedded service is imported only here and only in local mode,
 * so an app on AWS never loads `lib/local`.
 */
export async function connect(options: FlowOptions, logger: Logger): Promise<SwfConnection> {
  if (options.local) {
    const { connectLocal } = await import('./local-connection');
    const local: LocalOptions = options.local === true ? {} : options.local;
    return connectLocal(local, options.domain, logger);
  }
  // SWF holds a long poll open for up to 60 s: the socket must outlive it.
  const swf = options.swfClient ?? new SWFClient({ requestHandler: new NodeHttpHandler({ requestTimeout: 70_000 }), ...options.swf });
  const close = async (): Promise<void> => {
    if (options.swfClient === undefined) swf.destroy();
  };
  const endpoint = typeof options.swf?.endpoint === 'string' ? options.swf.endpoint.replace(/\/$/, '') : undefined;
  if (endpoint && !/amazonaws\.com/.test(endpoint)) {
    // Not AWS: most likely a tsflow dev-server, whose dashboard lives at its root.
    const { dashboardUrl } = await import('../local/dashboard/dashboard-url');
    return { swf, close, watchUrl: (workflowId, runId) => dashboardUrl(endpoint, options.domain, workflowId, runId) };
  }
  const region = await swf.config.region().catch(() => undefined);
  return {
    swf,
    close,
    watchUrl: (workflowId, runId) =>
      `https://console.aws.amazon.com/swf/home?region=${region}#execution_summary:domain=${encodeURIComponent(options.domain)};` +
      `workflowId=${encodeURIComponent(workflowId)};runId=${encodeURIComponent(runId)}`,
  };
}
