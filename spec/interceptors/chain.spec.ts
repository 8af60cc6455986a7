import { expect } from 'chai';
import { chain, type Link } from '../../lib/interceptors';

describe('chain', () => {
  it('runs the first interceptor outermost, each around the next', async () => {
    const order: string[] = [];
    const link =
      (name: string): Link<number, number> =>
      async (call, next) => {
        order.push(`${name} in`);
        const result = await next(call + 1);
        order.push(`${name} out`);
        return result * 10;
      };
    const run = chain([link('a'), link('b')], async (call) => {
      order.push(`call ${call}`);
      return call;
    });
    expect(await run(0)).to.equal(200);
    expect(order).to.deep.equal(['a in', 'b in', 'call 2', 'b out', 'a out']);
  });

  it('turns an interceptor that throws into a rejection', async () => {
    const run = chain<number, number>(
      [
        () => {
          throw new Error('vetoed');
        },
      ],
      async (call) => call,
    );
    const outcome = run(1);
    expect(outcome).to.be.instanceOf(Promise);
    expect(await outcome.catch((e: Error) => e.message)).to.equal('vetoed');
  });

  it('is the call itself when there are no interceptors', () => {
    const last = async (call: number): Promise<number> => call;
    expect(chain([], last)).to.equal(last);
  });
});
