import { expect } from 'chai';
import { UseInterceptors, type WorkflowCallInfo, type WorkflowCallNext } from '../../index';
import { interceptorItemsOf } from '../../lib/metadata/interceptor-metadata';

class First {
  readonly deterministic = true;
  interceptWorkflowCall(call: WorkflowCallInfo, next: WorkflowCallNext): Promise<unknown> {
    return next(call);
  }
}
class Second extends First {}
const third = new First();

describe('@UseInterceptors', () => {
  it('records its interceptors in the order written, across stacked decorators', () => {
    @UseInterceptors(First, Second)
    @UseInterceptors(third)
    class Target {}
    expect(interceptorItemsOf(Target)).to.deep.equal([First, Second, third]);
  });

  it('refuses what is neither an interceptor nor its class, saying which item', () => {
    expect(() => {
      @UseInterceptors(First, undefined as unknown as object)
      class Broken {}
      return Broken;
    }).to.throw('@UseInterceptors on Broken: item 1 is undefined; give an interceptor or its class.');
  });
});
