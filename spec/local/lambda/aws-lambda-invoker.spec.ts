import { expect } from 'chai';
import { AwsLambdaInvoker } from '../../../lib/local/lambda/aws-lambda-invoker';
import { UnknownLambdaFunctionError, type LambdaInvocation } from '../../../lib/local/lambda/lambda-invoker';
import { startFakeLambdaEndpoint, type FakeLambdaEndpoint } from '../support/fake-lambda-endpoint';

export function localLambdaInvoker(endpoint: string): AwsLambdaInvoker {
  return new AwsLambdaInvoker({
    clientConfig: { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 },
  });
}

function call(functionName: string, input?: string, signal = new AbortController().signal): LambdaInvocation {
  return { functionName, input, roleArn: 'arn:aws:iam::123456789012:role/swf-lambda', timeoutSeconds: 30, signal };
}

describe('AwsLambdaInvoker', () => {
  let endpoint: FakeLambdaEndpoint;
  let invoker: AwsLambdaInvoker;
  let release: () => void = () => undefined;

  before(async () => {
    endpoint = await startFakeLambdaEndpoint({
      string_upcase: (s) => String(s).toUpperCase(),
      nothing: () => undefined,
      explode: () => {
        throw new RangeError('too far');
      },
      hang: () => new Promise((resolve) => (release = () => resolve('late'))),
    });
    invoker = localLambdaInvoker(endpoint.url);
  });
  after(async () => {
    release();
    invoker.destroy();
    await endpoint.close();
  });

  it('sends the task input as the payload and returns the response payload as the result', async () => {
    const result = await invoker.invoke(call('string_upcase', '"hello"'));
    expect(result).to.deep.equal({ ok: true, result: '"HELLO"' });
    expect(endpoint.invocations.at(-1)).to.deep.equal({ functionName: 'string_upcase', payload: '"hello"' });
  });

  it('returns the JSON null a function without a return value produces', async () => {
    expect(await invoker.invoke(call('nothing'))).to.deep.equal({ ok: true, result: 'null' });
  });

  it('turns a FunctionError into a failure with "Type: message" as reason and the stack as details', async () => {
    const result = await invoker.invoke(call('explode', '{}'));
    expect(result).to.deep.equal({
      ok: false,
      reason: 'RangeError: too far',
      details: 'RangeError: too far\n    at handler (index.js:3:9)',
    });
  });

  it('throws UnknownLambdaFunctionError for ResourceNotFoundException', async () => {
    const error = await invoker.invoke(call('no_such_function')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(UnknownLambdaFunctionError);
    expect((error as UnknownLambdaFunctionError).functionName).to.equal('no_such_function');
  });

  it('stops waiting when the service aborts the task (its timeout)', async () => {
    const abort = new AbortController();
    const pending = invoker.invoke(call('hang', '{}', abort.signal)).then(
      () => undefined,
      (e: unknown) => e,
    );
    while (endpoint.invocations.at(-1)?.functionName !== 'hang') await new Promise((r) => setTimeout(r, 5));
    abort.abort();
    const error = await pending;
    expect((error as Error).name).to.equal('AbortError');
  });

  it('reports a Lambda service it cannot reach as a failure naming the function', async () => {
    const closed = await startFakeLambdaEndpoint({});
    await closed.close();
    const unreachable = localLambdaInvoker(closed.url);
    const result = await unreachable.invoke(call('string_upcase', '"x"'));
    unreachable.destroy();
    expect(result.ok).to.equal(false);
    expect(result.ok === false && result.details).to.contain('Lambda Invoke of string_upcase failed');
  });
});
