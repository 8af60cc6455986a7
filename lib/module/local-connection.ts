import type { Logger } from '../logging/logger';
import { InProcessLambdaInvoker, LocalSwfService, dashboardUrl } from '../local';
import type { LocalOptions } from './flow-options';
import type { SwfConnection } from './swf-connection';

/** Starts the embedded service for a local-mode app (loaded by `connect` only in that mode). */
export async function connectLocal(local: LocalOptions, domain: string, logger: Logger): Promise<SwfConnection> {
  const invoker = new InProcessLambdaInvoker();
  for (const [name, fn] of Object.entries(local.lambdas ?? {})) invoker.register(name, fn as (input: unknown) => unknown);
  const service = new LocalSwfService({ lambdaInvoker: invoker });
  const swf = service.client();
  const closeService = async (): Promise<void> => {
    await service.close();
    swf.destroy();
  };
  if (!local.listen) return { swf, service, close: closeService };
  const server = await service.listen(local.listen);
  logger.info('embedded SWF service listening', { url: server.url });
  return {
    swf,
    service,
    watchUrl: (workflowId, runId) => dashboardUrl(server.url, domain, workflowId, runId),
    close: async () => {
      await server.close();
      await closeService();
    },
  };
}
