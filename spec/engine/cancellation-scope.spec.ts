import { expect } from 'chai';
import { Activity, Workflow, WorkflowContext, type ActivityCall } from '../../index';
import { decide } from '../../engine';
import { HistoryBuilder, decisionTypes } from '../helpers';

/** A scope whose block is the call itself: `cancellationScope(() => this.fetch(x))`, as the TSDoc shows. */
@Workflow('ScopedCall', '1')
class ScopedCall {
  @Activity({ name: 'fetch', version: '1' }) fetch!: ActivityCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}
  async run(): Promise<string> {
    const scope = this.flow.cancellationScope(() => this.fetch('a'));
    scope.cancel();
    return scope.then(
      () => 'finished',
      (error: unknown) => `rejected: ${(error as Error).name}`,
    );
  }
}

describe('cancellationScope()', () => {
  it('takes a block that returns a call future as it is, and cancels that call', async () => {
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'ScopedCall', version: '1' } }).decisionTask();
    const first = await decide(ScopedCall, h.task());
    expect(decisionTypes(first.decisions)).to.deep.equal(['CompleteWorkflowExecution']);
    expect(first.decisions[0].completeWorkflowExecutionDecisionAttributes?.result).to.equal('"rejected: CancelledFailure"');
  });
});
