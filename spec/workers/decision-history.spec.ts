import 'reflect-metadata';
import { expect } from 'chai';
import { container } from 'tsyringe';
import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import { DeciderWorker } from '../../lib/workers';
import { TypeRegistry } from '../../lib/metadata';
import { WorkflowClient } from '../../index';
import { InProcessLambdaInvoker, LocalSwfService, SystemClock } from '../../lib/local';
import { registerDomain, registerWorkflowType } from '../../lib/workers/register-types';
import { Steps } from '../fixtures/workflows';
import { RecordingLogger } from '../helpers/quiet-logger';

/** One API call of the decider, as its client saw it (after every middleware, so as the decider reads it). */
interface Call {
  command: string;
  input: Record<string, unknown>;
  output: {
    taskToken?: string;
    events?: HistoryEvent[];
    startedEventId?: number;
    previousStartedEventId?: number;
    workflowExecution?: { workflowId?: string };
  };
}

/** The calls that served one decision task: its poll, then everything up to and including its response. */
interface TaskCalls {
  workflowId: string;
  poll: Call;
  calls: Call[];
  decisions: Decision[];
}

/**
 * Wall-clock time that never gives two events the same millisecond, so which
 * events share the previous DecisionTaskStarted's instant (SWF returns those
 * too) does not depend on how fast the machine is.
 */
class DistinctInstants extends SystemClock {
  private last = 0;
  override now(): number {
    this.last = Math.max(super.now(), this.last + 1);
    return this.last;
  }
}

const seconds = (t: unknown): number => (t instanceof Date ? t.getTime() / 1000 : Number(t));

async function runSteps(options: { cacheSize: number; workflows: number; steps: number }) {
  const lambdaInvoker = new InProcessLambdaInvoker().register('step', (n) => (n as number) * 2);
  const service = new LocalSwfService({ lambdaInvoker, clock: new DistinctInstants() });
  const swf = service.client();
  await registerDomain(swf, 'history-spec');
  const deciderSwf = service.client();
  const calls: Call[] = [];
  deciderSwf.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      calls.push({ command: context.commandName!, input: args.input as unknown as Call['input'], output: result.output as Call['output'] });
      return result;
    },
    { step: 'initialize', name: 'specRecorder' },
  );
  // One task at a time, so the calls between two polls belong to one task.
  const registry = new TypeRegistry({ workflows: [Steps] });
  await registerWorkflowType(swf, 'history-spec', registry.workflows[0], 'deciders');
  const decider = new DeciderWorker(deciderSwf, registry, container.createChildContainer(), {
    registerTypes: false,
    domain: 'history-spec',
    taskList: 'deciders',
    identity: 'spec',
    logger: new RecordingLogger(),
    cacheSize: options.cacheSize,
    concurrency: 1,
  });
  const client = new WorkflowClient(swf, { domain: 'history-spec', taskList: 'deciders', identity: 'spec' });
  const handles = [];
  for (let i = 0; i < options.workflows; i++)
    handles.push(
      await client.start(
        Steps,
        { steps: options.steps, batch: 1 },
        { workflowId: `steps-${i}`, lambdaRole: 'arn:aws:iam::000000000000:role/spec' },
      ),
    );
  await decider.start();
  try {
    const results = await Promise.all(handles.map((h) => h.result({ timeoutMs: 15_000, pollIntervalMs: 5, maxPollIntervalMs: 20 })));
    const histories = new Map<string, HistoryEvent[]>();
    for (const h of handles) histories.set(h.workflowId, await h.history());
    const tasks: TaskCalls[] = [];
    for (const call of calls) {
      const isTask = call.command === 'PollForDecisionTaskCommand' && !call.input.nextPageToken && call.output.taskToken;
      if (isTask) tasks.push({ workflowId: call.output.workflowExecution!.workflowId!, poll: call, calls: [], decisions: [] });
      else if (tasks.length > 0 && call.command !== 'RegisterWorkflowTypeCommand') tasks.at(-1)!.calls.push(call);
      if (call.command === 'RespondDecisionTaskCompletedCommand') tasks.at(-1)!.decisions = call.input.decisions as Decision[];
    }
    return { results, histories, tasks, stats: decider.historyStats, cache: decider.cache };
  } finally {
    await decider.close();
    await service.close();
  }
}

const kinds = (task: TaskCalls): string[] => task.calls.map((c) => c.command.replace(/Command$/, ''));

describe('DeciderWorker reading history', () => {
  it('polls a kept execution with startAtPreviousStartedEvent and reads only what SWF returns from there', async () => {
    const run = await runSteps({ cacheSize: 1000, workflows: 1, steps: 12 });
    expect(run.results).to.deep.equal([132]);
    const history = run.histories.get('steps-0')!;
    const [first, ...kept] = run.tasks;
    expect(first.poll.output.events![0].eventId).to.equal(1);
    expect(kept).to.have.length(12);
    for (const task of kept) {
      expect(task.poll.input.startAtPreviousStartedEvent).to.equal(true);
      const { previousStartedEventId, startedEventId } = task.poll.output;
      const since = seconds(history[previousStartedEventId! - 1].eventTimestamp);
      // SWF's page semantics: every event from the previous DecisionTaskStarted's instant on, up to this task's.
      const expected = history.filter((e) => e.eventId! <= startedEventId! && seconds(e.eventTimestamp) >= since).map((e) => e.eventId);
      expect(task.poll.output.events!.map((e) => e.eventId)).to.deep.equal(expected);
      expect(expected[0]).to.equal(previousStartedEventId);
    }
    expect(run.cache.hits).to.equal(12);
  });

  it('makes two API calls per decision task on a cache hit: the poll and the response', async () => {
    const run = await runSteps({ cacheSize: 1000, workflows: 1, steps: 6 });
    for (const task of run.tasks) expect(kinds(task)).to.deep.equal(['RespondDecisionTaskCompleted']);
    expect(run.stats).to.include({ tasks: 7, pollPages: 7, historyPages: 0 });
  });

  it('reads the whole history once on a miss, and decides exactly as with every task replayed in full', async () => {
    // Two executions take turns and the cache keeps one: each task finds the other one kept.
    const kept = await runSteps({ cacheSize: 1, workflows: 2, steps: 6 });
    const full = await runSteps({ cacheSize: 0, workflows: 2, steps: 6 });
    expect(kept.results).to.deep.equal([30, 30]);
    const misses = kept.tasks.filter((t) => kinds(t).includes('GetWorkflowExecutionHistory'));
    const hits = kept.tasks.filter((t) => kinds(t).length === 1); // kept, or polled from event 1 (a first task)
    expect(misses.length, 'tasks that missed after a partial poll').to.be.greaterThan(0);
    for (const task of misses) {
      expect(task.poll.input.startAtPreviousStartedEvent).to.equal(true);
      expect(kinds(task)).to.deep.equal(['GetWorkflowExecutionHistory', 'RespondDecisionTaskCompleted']);
      const page = task.calls[0].output.events!;
      expect(page.map((e) => e.eventId)).to.deep.equal(Array.from({ length: page.length }, (_, i) => i + 1));
    }
    expect(misses.length + hits.length).to.equal(kept.tasks.length);
    // Without a cache no poll asks for a part of the history, and nothing else is read.
    for (const task of full.tasks) {
      expect(task.poll.input.startAtPreviousStartedEvent).to.equal(undefined);
      expect(kinds(task)).to.deep.equal(['RespondDecisionTaskCompleted']);
    }
    const decisionsOf = (run: typeof kept, id: string) => run.tasks.filter((t) => t.workflowId === id).map((t) => t.decisions);
    for (const id of ['steps-0', 'steps-1']) expect(decisionsOf(kept, id)).to.deep.equal(decisionsOf(full, id));
  });
});
