import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeLambdaFunction = (event: unknown) => unknown | Promise<unknown>;

export interface FakeLambdaEndpoint {
  url: string;
  /** Every invocation received: function name and raw payload. */
  invocations: { functionName: string; payload: string }[];
  close(): Promise<void>;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/**
 * Just enough of the Lambda Invoke API (RequestResponse) for the specs, on
 * 127.0.0.1: results as the payload, thrown errors as `X-Amz-Function-Error`
 * with Lambda's error document, unknown names as ResourceNotFoundException.
 */
export async function startFakeLambdaEndpoint(functions: Record<string, FakeLambdaFunction>): Promise<FakeLambdaEndpoint> {
  const invocations: FakeLambdaEndpoint['invocations'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = INVOKE_PATH.exec((req.url ?? '').split('?')[0]);
      const reply = (status: number, headers: Record<string, string>, body: string): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body);
      };
      if (req.method !== 'POST' || match === null) return reply(404, { 'x-amzn-errortype': 'UnknownOperationException' }, '{}');
      const functionName = decodeURIComponent(match[1]);
      const payload = Buffer.concat(chunks).toString('utf8');
      invocations.push({ functionName, payload });
      const fn = functions[functionName];
      if (fn === undefined) {
        const message = `Function not found: arn:aws:lambda:us-east-1:123456789012:function:${functionName}`;
        return reply(404, { 'x-amzn-errortype': 'ResourceNotFoundException' }, JSON.stringify({ Type: 'User', Message: message }));
      }
      Promise.resolve()
        .then(() => fn(payload === '' ? undefined : JSON.parse(payload)))
        .then(
          (result) => reply(200, { 'x-amz-executed-version': '$LATEST' }, result === undefined ? 'null' : JSON.stringify(result)),
          (error: Error) =>
            reply(
              200,
              { 'x-amz-function-error': 'Unhandled' },
              JSON.stringify({ errorType: error.name, errorMessage: error.message, stackTrace: ['at handler (index.js:3:9)'] }),
            ),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    invocations,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
