import { SWFClient, type SWFClientConfig } from '@aws-sdk/client-swf';
import { SystemClock, type Clock } from './clock';
import { dashboardPages } from './dashboard/dashboard-routes';
import { withoutNodeVersionNotice } from './sdk-node-notice';
import { LocalSwfBackend, type LocalSwfBackendOptions } from './swf-backend';
import { InMemoryRequestHandler } from './transport/in-memory-request-handler';
import { startSwfHttpServer, type ListenOptions, type ListeningServer } from './transport/swf-http-server';

export type LocalSwfServiceOptions = LocalSwfBackendOptions;

/**
 * Client settings that keep an in-memory client away from the machine's AWS
 * setup and from any network: fixed region and credentials (the service
 * accepts any), an endpoint under `.invalid` that can never resolve, and
 * `legacy` defaults mode so the SDK never asks the EC2 metadata service.
 */
const IN_MEMORY_CLIENT_DEFAULTS: SWFClientConfig = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'tsflow-local', secretAccessKey: 'tsflow-local' },
  endpoint: 'http://local-swf.invalid',
  defaultsMode: 'legacy',
};

/**
 * The embedded SWF-compatible service, reachable in memory through
 * {@link LocalSwfService.client} and over HTTP through {@link LocalSwfService.listen}.
 *
 * @example
 * const service = new LocalSwfService({ clock: new ManualClock() });
 * const swf = service.client();                   // an SWFClient, no sockets
 * const { url } = await service.listen({ port: 8080 }); // aws swf ... --endpoint-url url
 * await service.close();
 *
 * // Durable: all state in a SQLite file; a service started again on it carries on.
 * const durable = new LocalSwfService({ db: './swf.db' });
 */
export class LocalSwfService {
  readonly backend: LocalSwfBackend;
  readonly clock: Clock;
  private readonly handler: InMemoryRequestHandler;
  private readonly servers = new Set<ListeningServer>();

  constructor(options: LocalSwfServiceOptions = {}) {
    this.clock = options.clock ?? new SystemClock();
    this.backend = new LocalSwfBackend({ ...options, clock: this.clock });
    this.handler = new InMemoryRequestHandler(this.backend);
  }

  /**
   * An `SWFClient` whose requests the service answers in memory. The SDK's
   * serialisation, signing and error parsing still run; `config` may set
   * anything but the request handler (e.g. `maxAttempts`, `logger`).
   */
  client(config: SWFClientConfig = {}): SWFClient {
    return withoutNodeVersionNotice(() => new SWFClient({ ...IN_MEMORY_CLIENT_DEFAULTS, ...config, requestHandler: this.handler }));
  }

  /**
   * Serves SWF's JSON protocol and the dashboard over HTTP, on 127.0.0.1
   * unless `host` says otherwise. Any credentials and signature are accepted,
   * unless `accessKey` is given: then only requests signed (SigV4) with it.
   * On loopback only requests whose Host names loopback are served (DNS rebinding).
   */
  async listen(options: ListenOptions = {}): Promise<ListeningServer> {
    const server = await startSwfHttpServer(
      this.backend,
      dashboardPages(this.backend, () => this.clock.now() / 1000),
      options,
    );
    this.servers.add(server);
    return {
      ...server,
      close: async () => {
        this.servers.delete(server);
        await server.close();
      },
    };
  }

  /** Releases pending long polls and stops every HTTP server this service started. */
  async close(): Promise<void> {
    await this.backend.close();
    const servers = [...this.servers];
    this.servers.clear();
    await Promise.all(servers.map((server) => server.close()));
  }
}
