import { expect } from 'chai';
import { InProcessLambdaInvoker } from '../../../lib/local/lambda/in-process-lambda-invoker';
import { UnknownLambdaFunctionError } from '../../../lib/local/lambda/lambda-invoker';

describe('InProcessLambdaInvoker', () => {
  const call = (functionName: string, input?: string) => ({
    functionName,
    input,
    roleArn: 'role',
    timeoutSeconds: 5,
    signal: new AbortController().signal,
  });
  const invoker = new InProcessLambdaInvoker()
    .register('echo', (input) => input)
    .register('nothing', () => undefined)
    .register('async', async (input) => ({ got: input }))
    .register('throws', () => {
      throw new TypeError('bad input');
    });

  it('decodes the input and encodes the result as JSON', async () => {
    expect(await invoker.invoke(call('echo', '{"a":[1,2]}'))).to.deep.equal({ ok: true, result: '{"a":[1,2]}' });
    expect(await invoker.invoke(call('async', '"x"'))).to.deep.equal({ ok: true, result: '{"got":"x"}' });
    expect(await invoker.invoke(call('nothing'))).to.deep.equal({ ok: true, result: 'null' }, 'as the Lambda Node.js runtime answers');
  });

  it("reports a thrown error as a failure with the error's name and message, and its stack", async () => {
    const result = await invoker.invoke(call('throws'));
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.reason).to.equal('TypeError: bad input');
    expect(result.details).to.contain('TypeError: bad input');
  });

  it('reports input that is not JSON as a failure', async () => {
    const result = await invoker.invoke(call('echo', '{oops'));
    expect(result).to.include({ ok: false, reason: 'InvalidInput' });
  });

  it('throws UnknownLambdaFunctionError for a name it does not know', async () => {
    let error: unknown;
    await invoker.invoke(call('missing')).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(UnknownLambdaFunctionError);
    expect((error as UnknownLambdaFunctionError).functionName).to.equal('missing');
  });
});
