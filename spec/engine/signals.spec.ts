import { expect } from 'chai';
import { IsInt, Min } from 'class-validator';
import { Signal, State, Workflow, WorkflowContext } from '../../index';
import { WorkflowExecution, decide, replayHistory } from '../../engine';
import { validateSignalInput } from '../../lib/workers/signal-input';
import { HistoryBuilder, decisionTypes } from '../helpers';

class Vote {
  @IsInt()
  @Min(1)
  weight!: number;
}

@Workflow('Approval', '1')
class Approval {
  approvedBy: string[] = [];
  weight = 0;
  constructor(private readonly flow: WorkflowContext) {}

  @Signal('approve')
  onApprove(input: { by: string }): void {
    this.approvedBy.push(input.by);
  }

  @Signal()
  vote(input: Vote): void {
    this.weight += input.weight;
  }

  @State()
  get progress(): { approvedBy: string[]; weight: number } {
    return { approvedBy: this.approvedBy, weight: this.weight };
  }

  async run(timeout: number): Promise<string> {
    const approved = await this.flow.condition(() => this.approvedBy.length >= 2, timeout);
    return approved ? `approved by ${this.approvedBy.join(' and ')}` : 'timed out';
  }
}

const start = (timeout = 3600) => HistoryBuilder.start(timeout, { workflowType: { name: 'Approval', version: '1' } });

describe('Signals and condition()', () => {
  it('calls the handlers in event order, publishes the state, and resolves the condition once it holds', async () => {
    const h = start().decisionTask();
    const first = await decide(Approval, h.task());
    expect(decisionTypes(first.decisions)).to.deep.equal(['StartTimer']);
    expect(JSON.parse(first.executionContext!)).to.deep.equal({ approvedBy: [], weight: 0 });

    h.completed(first.decisions, first.executionContext).signaled('approve', { by: 'ann' }).decisionTask();
    const second = await decide(Approval, h.task());
    expect(second.decisions).to.deep.equal([]);
    expect(JSON.parse(second.executionContext!).approvedBy).to.deep.equal(['ann']);

    h.completed(second.decisions).signaled('approve', { by: 'bob' }).decisionTask();
    const third = await decide(Approval, h.task());
    expect(decisionTypes(third.decisions)).to.deep.equal(['CancelTimer', 'CompleteWorkflowExecution']);
    expect(JSON.parse(third.decisions[1].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal('approved by ann and bob');
    h.completed(third.decisions);
    expect((await replayHistory(Approval, h.events)).status).to.equal('closed');
  });

  it('resolves false when the timeout fires first', async () => {
    const h = start(60).decisionTask();
    h.completed((await decide(Approval, h.task())).decisions).signaled('approve', { by: 'ann' });
    h.wait(60).timerFired('timer1').decisionTask();
    const { decisions } = await decide(Approval, h.task());
    expect(JSON.parse(decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal('timed out');
  });

  it('does not lose signals that arrive before the first decision task: they are applied before run()', async () => {
    const h = start().signaled('approve', { by: 'ann' }).signaled('approve', { by: 'bob' }).decisionTask();
    const { decisions } = await decide(Approval, h.task());
    expect(decisionTypes(decisions)).to.deep.equal(['CompleteWorkflowExecution']);
  });

  it('gives a signal that arrives while a decision task runs to the next activation', async () => {
    const h = start().decisionTask();
    const first = await decide(Approval, h.task());
    // Signaled after DecisionTaskStarted, before DecisionTaskCompleted.
    h.signaled('approve', { by: 'ann' }).completed(first.decisions).signaled('approve', { by: 'bob' }).decisionTask();
    const kept = WorkflowExecution.start(Approval, { workflowId: 'test-workflow', runId: 'test-run' });
    expect(decisionTypes((await kept.decide(h.task())).decisions)).to.deep.equal(['CancelTimer', 'CompleteWorkflowExecution']);
  });

  it('skips a signal whose DTO input is invalid, with a warning, and applies the valid ones', async () => {
    const h = start().decisionTask();
    const first = await decide(Approval, h.task(), { decodeSignal: validateSignalInput });
    h.completed(first.decisions).signaled('vote', { weight: 0 }).signaled('vote', { weight: 2 }).signaled('unknown', 1).decisionTask();
    const second = await decide(Approval, h.task(), { decodeSignal: validateSignalInput });
    expect(JSON.parse(second.executionContext!).weight).to.equal(2);
    expect(second.warnings).to.have.length(2);
    expect(second.warnings![0]).to.match(
      /^signal 'vote' \(event \d+\) of Approval skipped: its input is invalid:\n- weight: weight must not be less than 1 \(min\)/,
    );
    expect(second.warnings![1]).to.match(/^signal 'unknown' \(event \d+\) of Approval skipped: no @Signal handler is named 'unknown'/);
    expect(second.status).to.equal('open');
  });

  it('fails the workflow when a handler throws', async () => {
    @Workflow('Touchy', '1')
    class Touchy {
      constructor(private readonly flow: WorkflowContext) {}
      @Signal() poke(): void {
        throw new Error('do not poke');
      }
      async run(): Promise<void> {
        await this.flow.condition(() => false);
      }
    }
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Touchy', version: '1' } }).decisionTask();
    h.completed((await decide(Touchy, h.task())).decisions)
      .signaled('poke')
      .decisionTask();
    const { failureReason } = await decide(Touchy, h.task());
    expect(failureReason).to.equal('Error: do not poke');
  });

  it('fails the workflow with a clear reason when its state is over 32,768 characters of JSON', async () => {
    @Workflow('Chatty', '1')
    class Chatty {
      constructor(private readonly flow: WorkflowContext) {}
      @State() big(): string {
        return 'x'.repeat(40_000);
      }
      async run(): Promise<void> {
        await this.flow.sleep(10);
      }
    }
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Chatty', version: '1' } }).decisionTask();
    const { decisions, failureReason, executionContext } = await decide(Chatty, h.task());
    expect(decisionTypes(decisions)).to.deep.equal(['StartTimer', 'FailWorkflowExecution']);
    expect(failureReason).to.match(
      /^StateNotPublished: PayloadTooLargeError: The state published by @State Chatty.big is 40002 characters of JSON/,
    );
    expect(executionContext).to.equal(undefined);
  });
});
