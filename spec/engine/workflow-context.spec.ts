import { expect } from 'chai';
import { container, injectable } from 'tsyringe';
import { ChildWorkflow, Lambda, Workflow, WorkflowContext, type ChildWorkflowCall, type LambdaCall } from '../../index';
import { containerWorkflowFactory, decide } from '../../engine';
import { HistoryBuilder } from '../helpers';

@injectable()
class Greeter {
  greet(name: string): string {
    return `Hello, ${name}`;
  }
}

@Workflow('Greeting', '1')
class Greeting {
  @Lambda('shout') shout!: LambdaCall<string, string>;
  constructor(
    private readonly flow: WorkflowContext,
    private readonly greeter: Greeter,
  ) {}

  async run(name: string): Promise<Record<string, unknown>> {
    this.flow.executionContext = 'greeting';
    return {
      text: this.greeter.greet(name),
      workflowId: this.flow.workflowId,
      runId: this.flow.runId,
      lambdaRole: this.flow.lambdaRole,
      input: this.flow.input,
      parent: this.flow.parent,
      tags: this.flow.tags,
      callIsOwnProperty: Object.prototype.hasOwnProperty.call(this, 'shout'),
    };
  }
}

@Workflow('Parent', '1')
class Parent {
  @ChildWorkflow({ name: 'Child', version: '1' }) child!: ChildWorkflowCall<string, string>;
  @ChildWorkflow(
    { name: 'Child', version: '1' },
    { lambdaRole: 'arn:aws:iam::123456789012:role/other', taskList: 'children', executionStartToCloseTimeout: 600 },
  )
  configured!: ChildWorkflowCall<string, string>;

  async run(): Promise<void> {
    void this.child('a');
    void this.configured('b');
    void this.child('c', { workflowId: 'chosen-id' });
    await new Promise<never>(() => undefined);
  }
}

const role = 'arn:aws:iam::123456789012:role/swf-lambda';

describe('WorkflowContext', () => {
  it('is injected with the workflow’s other dependencies by the factory the workers pass in (a child of their container)', async () => {
    const scope = container.createChildContainer();
    scope.register(Greeter, { useValue: { greet: (name: string) => `Hi, ${name}` } as Greeter });
    const h = HistoryBuilder.start('Ada', {
      workflowType: { name: 'Greeting', version: '1' },
      workflowId: 'greet-1',
      runId: 'run-1',
      lambdaRole: role,
    }).decisionTask();
    const { decisions, executionContext } = await decide(Greeting, h.task(), { createWorkflow: containerWorkflowFactory(scope) });
    const result = JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!);
    expect(result).to.deep.equal({
      text: 'Hi, Ada',
      workflowId: 'greet-1',
      runId: 'run-1',
      lambdaRole: role,
      input: 'Ada',
      tags: [],
      callIsOwnProperty: true,
    });
    expect(executionContext).to.equal('greeting');
    expect(scope.isRegistered(WorkflowContext)).to.equal(false);
    expect(container.isRegistered(WorkflowContext)).to.equal(false);
  });

  it('builds the workflow with new Workflow(context) when no factory is given', async () => {
    @Workflow('Plain', '1')
    class Plain {
      constructor(private readonly flow: WorkflowContext) {}
      async run(): Promise<string> {
        return this.flow.workflowId;
      }
    }
    const h = HistoryBuilder.start('Bob', { workflowType: { name: 'Plain', version: '1' }, workflowId: 'plain-1' }).decisionTask();
    const { decisions } = await decide(Plain, h.task());
    expect(JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal('plain-1');
    expect(container.isRegistered(WorkflowContext)).to.equal(false);
  });

  it('shows the parent execution to a child workflow', async () => {
    const h = HistoryBuilder.start('Cy', { workflowType: { name: 'Greeting', version: '1' } });
    h.events[0].workflowExecutionStartedEventAttributes!.parentWorkflowExecution = { workflowId: 'p', runId: 'p-run' };
    h.events[0].workflowExecutionStartedEventAttributes!.tagList = ['blue'];
    const { decisions } = await decide(Greeting, h.decisionTask().task(), { createWorkflow: containerWorkflowFactory(container) });
    expect(JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.deep.include({
      parent: { workflowId: 'p', runId: 'p-run' },
      tags: ['blue'],
    });
  });

  it('gives children ids from the parent’s id and a counter, the parent’s Lambda role unless told otherwise, and their options', async () => {
    const h = HistoryBuilder.start(undefined, {
      workflowType: { name: 'Parent', version: '1' },
      workflowId: 'order-7',
      lambdaRole: role,
    }).decisionTask();
    const { decisions } = await decide(Parent, h.task());
    expect(decisions.map((d) => d.startChildWorkflowExecutionDecisionAttributes)).to.deep.equal([
      { workflowType: { name: 'Child', version: '1' }, workflowId: 'order-7-child1', input: '"a"', lambdaRole: role },
      {
        workflowType: { name: 'Child', version: '1' },
        workflowId: 'order-7-child2',
        input: '"b"',
        taskList: { name: 'children' },
        executionStartToCloseTimeout: '600',
        lambdaRole: 'arn:aws:iam::123456789012:role/other',
      },
      { workflowType: { name: 'Child', version: '1' }, workflowId: 'chosen-id', input: '"c"', lambdaRole: role },
    ]);
  });

  it('keeps child ids within SWF’s 256 characters', async () => {
    const longId = 'w'.repeat(256);
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Parent', version: '1' }, workflowId: longId }).decisionTask();
    const ids = (await decide(Parent, h.task())).decisions.map((d) => d.startChildWorkflowExecutionDecisionAttributes!.workflowId!);
    expect(ids[0]).to.have.length(256);
    expect(ids[0]).to.match(/^w+~[0-9a-f]{8}-child1$/);
    expect(ids[1]).to.match(/-child2$/);
  });
});
