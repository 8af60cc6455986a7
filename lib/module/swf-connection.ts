import type { SWFClient } from '@aws-sdk/client-swf';
import type { LocalSwfService } from '../local/local-swf-service';

/** Where an app's SWF calls go, and how to let go of it when the app closes. */
export interface SwfConnection {
  swf: SWFClient;
  /** The embedded service, in local mode. */
  service?: LocalSwfService;
  /** Where a person can watch an execution: the dashboard or the AWS console. */
  watchUrl?: (workflowId: string, runId: string) => string;
  /** Stops what the connection started: the HTTP endpoint, the service, a client the app made. */
  close(): Promise<void>;
}
