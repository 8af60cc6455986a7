import 'reflect-metadata';
import { expect } from 'chai';
import { ChildWorkflow, Workflow, type ChildWorkflowCall } from '../../index';
import { describeWorkflow } from '../../lib/metadata';

@Workflow('StringConcatter', '1.0')
class StringConcatter {
  async run(parts: string[]): Promise<string> {
    return parts.join('');
  }
}

describe('@ChildWorkflow', () => {
  it('resolves a workflow class to its type and keeps the start options', () => {
    @Workflow('Parent', '1')
    class Parent {
      @ChildWorkflow(StringConcatter, { childPolicy: 'REQUEST_CANCEL', tagList: ['a'] }) concat!: ChildWorkflowCall<string[], string>;
      @ChildWorkflow({ name: 'Billing', version: '2' }) bill!: ChildWorkflowCall<number, boolean>;
      async run(): Promise<void> {}
    }
    expect(describeWorkflow(Parent).calls).to.deep.equal([
      {
        kind: 'child-workflow',
        member: 'concat',
        workflowType: { name: 'StringConcatter', version: '1.0' },
        options: { childPolicy: 'REQUEST_CANCEL', tagList: ['a'] },
      },
      { kind: 'child-workflow', member: 'bill', workflowType: { name: 'Billing', version: '2' }, options: {} },
    ]);
  });

  it('rejects a child class that is not a @Workflow, naming both', () => {
    class Plain {
      async run(): Promise<void> {}
    }
    @Workflow('Parent2', '1')
    class Parent2 {
      @ChildWorkflow(Plain) plain!: ChildWorkflowCall<void, void>;
      async run(): Promise<void> {}
    }
    expect(() => describeWorkflow(Parent2)).to.throw('@ChildWorkflow Parent2.plain refers to Plain, which is not a @Workflow class.');
  });
});
