import { expect } from 'chai';
import { container } from 'tsyringe';
import { Workflow, WorkflowContext } from '../../index';
import { WorkflowExecution, WorkflowTypeMismatchError, containerWorkflowFactory, decide } from '../../engine';
import { HistoryBuilder } from '../helpers';

class Unregistered {
  constructor(readonly url: string) {}
}

@Workflow('Needy', '1')
class Needy {
  constructor(
    private readonly flow: WorkflowContext,
    private readonly dependency: Unregistered,
  ) {}
  async run(): Promise<string> {
    return `${this.flow.workflowId} ${this.dependency.url}`;
  }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected decide() to fail');
}

describe('Engine errors (no decisions: the task is retried after a fix)', () => {
  const needy = () => HistoryBuilder.start(undefined, { workflowType: { name: 'Needy', version: '1' }, runId: 'run-9' }).decisionTask();

  it('refuses a task of another workflow type', async () => {
    const task = { ...needy().task(), workflowType: { name: 'Other', version: '2' } };
    const error = await failure(decide(Needy, task));
    expect(error).to.be.instanceOf(WorkflowTypeMismatchError);
    expect(error.message).to.equal(
      "The decision task is for workflow type Other@2, but Needy is Needy@1; look the class up by the task's workflowType.",
    );
  });

  it('says which dependency could not be built, and where to register it', async () => {
    const error = await failure(
      decide(Needy, needy().task(), { createWorkflow: containerWorkflowFactory(container.createChildContainer()) }),
    );
    expect(error.message).to.match(
      /^Could not build workflow Needy for run run-9: .*Register the constructor dependencies of Needy as providers/s,
    );
  });

  it('says when the history stops before the task’s DecisionTaskStarted (a page is missing)', async () => {
    const task = needy().task();
    const error = await failure(decide(Needy, { ...task, events: task.events!.slice(0, 2) }));
    expect(error.message).to.equal('The decision task of run run-9 starts at event 3, but its history ends at 2; merge every page of it.');
  });

  it('keeps refusing a kept execution that failed half-way, so the caller replays from scratch', async () => {
    const kept = WorkflowExecution.start(Needy, {
      workflowId: 'w',
      runId: 'run-9',
      createWorkflow: containerWorkflowFactory(container.createChildContainer()),
    });
    const first = await failure(kept.decide(needy().task()));
    expect(kept.canContinue(needy().task())).to.equal(false);
    expect(await failure(kept.decide(needy().task()))).to.equal(first);
  });
});
