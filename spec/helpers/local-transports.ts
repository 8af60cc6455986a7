import { SWFClient } from '@aws-sdk/client-swf';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { LocalSwfService, type LocalSwfServiceOptions } from '../../lib/local';

/** One embedded service and a way to make clients of it, in memory or over loopback HTTP. */
export interface LocalTransport {
  service: LocalSwfService;
  /** The dev server's URL, for the HTTP transport. */
  url?: string;
  client(): SWFClient;
  close(): Promise<void>;
}

export interface TransportKind {
  name: 'in-process' | 'HTTP';
  start(options?: LocalSwfServiceOptions): Promise<LocalTransport>;
}

/** Integration specs run once per transport, with the same assertions. */
export const TRANSPORTS: TransportKind[] = [
  {
    name: 'in-process',
    async start(options) {
      const service = new LocalSwfService(options);
      return { service, client: () => service.client(), close: () => service.close() };
    },
  },
  {
    name: 'HTTP',
    async start(options) {
      const service = new LocalSwfService(options);
      const server = await service.listen({ port: 0 });
      return {
        service,
        url: server.url,
        client: () => httpClient(server.url),
        close: () => service.close(),
      };
    },
  },
];

/** An SDK client of a dev server on loopback, as a user would configure one. */
export function httpClient(url: string): SWFClient {
  return new SWFClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: new NodeHttpHandler({ requestTimeout: 70_000 }),
    maxAttempts: 1,
  });
}
