import 'reflect-metadata';
import { expect } from 'chai';
import { Lambda, Workflow, type LambdaCall } from '../../index';
import { describeWorkflow } from '../../lib/metadata';

describe('@Lambda', () => {
  it('records the function name and its start-to-close timeout for the member', () => {
    @Workflow('Upper', '1')
    class Upper {
      @Lambda('string_upcase', { startToCloseTimeout: 30 }) upcase!: LambdaCall<string, string>;
      async run(word: string): Promise<string> {
        return this.upcase(word);
      }
    }
    expect(describeWorkflow(Upper).calls).to.deep.equal([
      { kind: 'lambda', member: 'upcase', functionName: 'string_upcase', options: { startToCloseTimeout: 30 } },
    ]);
  });

  it('rejects an unknown option when applied', () => {
    expect(() => {
      class NotYet {
        @Lambda('f', { timeout: 3 } as never) f!: LambdaCall<string, string>;
      }
      return NotYet;
    }).to.throw(TypeError, "@Lambda on NotYet.f: unknown option 'timeout'; allowed: startToCloseTimeout, retry.");
  });
});
