import { expect } from 'chai';
import { Backoff } from '../../lib/workers/backoff';
import { retryTransient } from '../../lib/workers/retry-transient';

const transient = () => Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
const fast = () => new Backoff(1, 2, () => 0);

describe('retryTransient', () => {
  it('sends again after transient faults until the call goes through', async () => {
    let calls = 0;
    const result = await retryTransient(async () => (++calls < 3 ? Promise.reject(transient()) : 'sent'), 6, fast());
    expect([result, calls]).to.deep.equal(['sent', 3]);
  });

  it('gives up after its attempts, with the last fault', async () => {
    let calls = 0;
    const error = await retryTransient(() => (calls++, Promise.reject(transient())), 4, fast()).catch((e: Error) => e);
    expect([(error as Error).name, calls]).to.deep.equal(['ThrottlingException', 4]);
  });

  it('does not retry a fault that is not transient', async () => {
    let calls = 0;
    const unknown = Object.assign(new Error('gone'), { name: 'UnknownResourceFault' });
    const error = await retryTransient(() => (calls++, Promise.reject(unknown)), 6, fast()).catch((e: Error) => e);
    expect([error, calls]).to.deep.equal([unknown, 1]);
  });
});
