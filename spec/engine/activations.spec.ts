import type { PollForDecisionTaskCommandOutput } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { Lambda, Workflow, WorkflowContext, type LambdaCall } from '../../index';
import { WorkflowExecution, decide, type DecisionResult } from '../../engine';
import { HistoryBuilder, decisionTypes } from '../helpers';

const type = { name: 'Grouping', version: '1' };

/** Calls `both` when both Lambdas are done by the time it looks, `one` otherwise: sensitive to how events are grouped. */
@Workflow('Grouping', '1')
class Grouping {
  @Lambda('work') work!: LambdaCall<string, string>;
  @Lambda('one') one!: LambdaCall<string[], string>;
  @Lambda('both') both!: LambdaCall<string[], string>;

  constructor(private readonly flow: WorkflowContext) {}

  async run(): Promise<string> {
    const done = await this.flow.any(this.work('a'), this.work('b'));
    const values = await Promise.all(done);
    return done.length === 2 ? this.both(values) : this.one(values);
  }
}

@Workflow('Clock', '1')
class Clock {
  @Lambda('work') work!: LambdaCall<string, string>;
  constructor(private readonly flow: WorkflowContext) {}

  async run(): Promise<{ seen: string[]; replaying: boolean[] }> {
    const seen: string[] = [];
    const replaying: boolean[] = [];
    for (let i = 0; i < 2; i++) {
      seen.push(this.flow.now().toISOString());
      replaying.push(this.flow.isReplaying);
      await this.work(String(i));
    }
    seen.push(this.flow.now().toISOString());
    replaying.push(this.flow.isReplaying);
    return { seen, replaying };
  }
}

const options = { workflowType: type };
const nameOf = (r: DecisionResult) => r.decisions[0].scheduleLambdaFunctionDecisionAttributes?.name;

describe('Activations', () => {
  it('gives events that arrive while a decision task runs to the next activation', async () => {
    const h = HistoryBuilder.start(undefined, options).decisionTask();
    const first = await decide(Grouping, h.task());
    h.completed(first.decisions).lambdaStarted('lambda2').lambdaCompleted('lambda2', 'B').decisionTask();
    const second = await decide(Grouping, h.task());
    expect(nameOf(second)).to.equal('one');
    // lambda1 completes after DecisionTaskStarted and before the decider's answer is recorded.
    h.lambdaStarted('lambda1').lambdaCompleted('lambda1', 'A').completed(second.decisions).decisionTask();
    // Grouping lambda1's completion into the second activation would make it call `both`, against the record.
    const third = await decide(Grouping, h.task());
    expect(third.decisions).to.deep.equal([]);
    expect(third.activations).to.equal(3);
  });

  it('does not end an activation at a decision task that timed out', async () => {
    const h = HistoryBuilder.start(undefined, options).decisionTask();
    const first = await decide(Grouping, h.task());
    h.completed(first.decisions).lambdaStarted('lambda1').lambdaCompleted('lambda1', 'A').decisionTask().decisionTimedOut();
    h.lambdaStarted('lambda2').lambdaCompleted('lambda2', 'B').decisionTask();
    const second = await decide(Grouping, h.task());
    expect(second.activations).to.equal(2);
    expect(nameOf(second)).to.equal('both');
    h.completed(second.decisions).decisionTask();
    const third = await decide(Grouping, h.task());
    expect(third.decisions).to.deep.equal([]);
  });

  it('shows the workflow the DecisionTaskStarted time of each activation, and whether it is replaying', async () => {
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Clock', version: '1' } }).decisionTask();
    const startedAt: string[] = [];
    const mark = () => startedAt.push((h.events.at(-1)!.eventTimestamp as Date).toISOString());
    mark();
    for (let i = 1; i <= 2; i++) {
      const result = await decide(Clock, h.task());
      h.completed(result.decisions).wait(3600).lambdaStarted(`lambda${i}`).lambdaCompleted(`lambda${i}`, 'ok').decisionTask();
      mark();
    }
    const last = await decide(Clock, h.task());
    const result = JSON.parse(last.decisions[0].completeWorkflowExecutionDecisionAttributes!.result!);
    expect(result).to.deep.equal({ seen: startedAt, replaying: [true, true, false] });
  });

  it('decides the same from a kept execution fed only new events as from a full replay', async () => {
    const h = HistoryBuilder.start(undefined, options).decisionTask();
    const kept = WorkflowExecution.start(Grouping, { workflowId: 'test-workflow', runId: 'test-run' });
    const steps: ((r: DecisionResult) => void)[] = [
      (r) => h.completed(r.decisions).lambdaStarted('lambda2').lambdaCompleted('lambda2', 'B').decisionTask(),
      (r) =>
        h
          .lambdaStarted('lambda1')
          .lambdaCompleted('lambda1', 'A')
          .completed(r.decisions)
          .lambdaStarted('lambda3')
          .lambdaCompleted('lambda3', 'done')
          .decisionTask(),
    ];
    for (const step of [...steps, undefined]) {
      const task = h.task();
      const fromKept = await kept.decide(task);
      const fromScratch = await decide(Grouping, task);
      expect(fromKept.decisions).to.deep.equal(fromScratch.decisions);
      expect(fromKept.status).to.equal(fromScratch.status);
      step?.(fromKept);
    }
    expect(decisionTypes((await decide(Grouping, h.task())).decisions)).to.deep.equal(['CompleteWorkflowExecution']);
  });

  it('lets a kept execution take a slice of only the new events', async () => {
    const h = HistoryBuilder.start(undefined, options).decisionTask();
    const kept = WorkflowExecution.start(Grouping, { workflowId: 'test-workflow', runId: 'test-run' });
    const first = await kept.decide(h.task());
    const seen = h.lastEventId;
    h.completed(first.decisions).lambdaStarted('lambda2').lambdaCompleted('lambda2', 'B').decisionTask();
    const task = h.task();
    const second = await kept.decide({ ...task, events: task.events!.slice(seen) });
    expect(nameOf(second)).to.equal('one');
    expect(second.eventsReplayed).to.equal(h.lastEventId - seen);
  });

  it('refuses a task that does not continue where the kept execution stopped', async () => {
    const h = HistoryBuilder.start(undefined, options).decisionTask();
    const kept = WorkflowExecution.start(Grouping, { workflowId: 'test-workflow', runId: 'test-run' });
    await kept.decide(h.task());
    const stale = { ...h.task(), previousStartedEventId: 1 };
    expect(kept.canContinue(stale)).to.equal(false);
    let error: unknown;
    await kept.decide(stale).catch((e: unknown) => (error = e));
    expect((error as Error).name).to.equal('ExecutionOutOfSyncError');
    expect((error as Error).message).to.match(/stopped at DecisionTaskStarted 3, .* replay its full history/);
  });

  it('takes the SDK’s PollForDecisionTask output as it is', async () => {
    const task = HistoryBuilder.start(undefined, options).decisionTask().task();
    const output: PollForDecisionTaskCommandOutput = {
      taskToken: task.taskToken,
      startedEventId: task.startedEventId,
      previousStartedEventId: task.previousStartedEventId,
      workflowExecution: task.workflowExecution,
      workflowType: task.workflowType,
      events: task.events as PollForDecisionTaskCommandOutput['events'],
      $metadata: {},
    };
    expect(decisionTypes((await decide(Grouping, output)).decisions)).to.deep.equal(['ScheduleLambdaFunction', 'ScheduleLambdaFunction']);
  });

  it('accepts epoch-second timestamps (SWF JSON) as well as Dates', async () => {
    const h = HistoryBuilder.start(undefined, { workflowType: { name: 'Clock', version: '1' } }).decisionTask();
    const task = h.task();
    const wire = { ...task, events: task.events!.map((e) => ({ ...e, eventTimestamp: (e.eventTimestamp as Date).getTime() / 1000 })) };
    expect((await decide(Clock, wire)).decisions).to.deep.equal((await decide(Clock, task)).decisions);
  });
});
