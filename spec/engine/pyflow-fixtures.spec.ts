import type { Decision } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { decide, WorkflowExecution, type DecisionTaskInput } from '../../engine';
import { ResultDecodingFailure } from '../../index';
import { StringConcatter, StringTransformer } from '../fixtures/workflows';
import { comparable, decisionTypes } from '../helpers/decisions';
import { pyflowTask, readFixture } from '../helpers/fixtures';

const expected = readFixture<Record<string, Decision[]>>('pyflow', 'expected_decisions.json');
const parentId = 'StringTransformer@1383a003-fb65-4761-aa6e-ce31e49894a6';
const parentTasks = [
  'decision_task00',
  'decision_task01',
  'decision_task02',
  'decision_task03',
  'decision_task04',
  'decision_task05',
  'decision_task06',
  'decision_task07',
  'decision_task09',
  'decision_task11',
];
const childTasks = ['decision_task08', 'decision_task10'];

/** tsflow names new timers `timerN` and children `<parent id>-childN` where pyflow wrote `sleepN` and `child_workflowN`. */
const toPyflowIds = (id: string): string =>
  id
    .replace(/^timer(\d+)$/, 'sleep$1')
    .replace(new RegExp(`^${parentId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-child(\\d+)$`), 'child_workflow$1');

/**
 * pyflow expects no decision for task 07, but its own history shows otherwise:
 * the response to task 06 recorded only the activity (event 46), and the child
 * was started by the response to task 07 (event 52, decisionTaskCompletedEventId
 * 51). pyflow assumes whatever a replayed activation asked for was sent, so it
 * would never start that child; tsflow sends the decision that history lacks.
 */
const corrections: Record<string, Decision[]> = {
  decision_task07: [expected.decision_task06[1]],
};

const workflowFor = (task: DecisionTaskInput) => (task.workflowType?.name === 'StringConcatter' ? StringConcatter : StringTransformer);

describe('pyflow recorded decision tasks', () => {
  for (const name of [...parentTasks, ...childTasks]) {
    it(`decides ${name} as pyflow expects (decoded JSON, ids per README)`, async () => {
      const task = pyflowTask(name);
      const result = await decide(workflowFor(task), task);
      const want = corrections[name] ?? expected[name];
      expect(result.decisions.map((d) => comparable(d, toPyflowIds))).to.deep.equal(want.map((d) => comparable(d)));
    });
  }

  it('sends, for task 07, the child start that its own history records at event 52', async () => {
    const later = pyflowTask('decision_task09').events!.find((e) => e.eventId === 52)!;
    const { decisions } = await decide(StringTransformer, pyflowTask('decision_task07'));
    const start = decisions[0].startChildWorkflowExecutionDecisionAttributes!;
    const recorded = later.startChildWorkflowExecutionInitiatedEventAttributes!;
    expect(decisionTypes(decisions)).to.deep.equal(['StartChildWorkflowExecution']);
    expect(JSON.parse(start.input!)).to.deep.equal(JSON.parse(recorded.input!));
    expect(start.lambdaRole).to.equal(recorded.lambdaRole);
    expect(start.workflowType).to.deep.equal(recorded.workflowType);
  });

  it('gives the same decisions when one kept execution decides the parent tasks one after another', async () => {
    const first = pyflowTask(parentTasks[0]);
    const execution = WorkflowExecution.start(StringTransformer, {
      workflowId: first.workflowExecution!.workflowId!,
      runId: first.workflowExecution!.runId!,
    });
    for (const name of parentTasks) {
      const task = pyflowTask(name);
      expect(execution.canContinue(task), name).to.equal(true);
      const incremental = await execution.decide(task);
      const full = await decide(StringTransformer, task);
      expect(incremental.decisions, name).to.deep.equal(full.decisions);
      // The kept execution applied only the events new since the previous task.
      expect(incremental.eventsReplayed, name).to.equal(task.startedEventId! - (task.previousStartedEventId ?? 0));
      expect(full.eventsReplayed, name).to.equal(task.startedEventId);
    }
  });

  it('fails the workflow once when a Lambda it awaits failed (decision_task02_error)', async () => {
    const { decisions, status } = await decide(StringTransformer, pyflowTask('decision_task02_error'));
    expect(decisionTypes(decisions)).to.deep.equal(['FailWorkflowExecution']);
    const { reason, details } = decisions[0].failWorkflowExecutionDecisionAttributes!;
    expect(reason).to.match(/^LambdaFailure: Lambda lambda1 failed/);
    expect(details).to.be.a('string').and.not.empty;
    expect(status).to.equal('failed');
  });

  it('fails the workflow once, saying the input was invalid, when the input is truncated JSON', async () => {
    const { decisions } = await decide(StringTransformer, pyflowTask('invalid_workflow_input'));
    expect(decisionTypes(decisions)).to.deep.equal(['FailWorkflowExecution']);
    expect(decisions[0].failWorkflowExecutionDecisionAttributes!.reason).to.match(/input is not valid JSON/);
  });

  it('rejects the awaited activity when its result is not JSON, without failing the decider', async () => {
    const task = pyflowTask('invalid_activity_output');
    const { decisions } = await decide(StringTransformer, task);
    // The workflow awaits the child before the activity, so this task only carries on.
    expect(decisionTypes(decisions)).to.deep.equal(['StartChildWorkflowExecution']);
    // Continue that history with the child's start and completion (events 51-59 of task 11): awaiting the activity now throws.
    const rest = pyflowTask('decision_task11').events!.filter((e) => e.eventId! > 50);
    const later = await decide(StringTransformer, {
      ...task,
      events: [...task.events!, ...rest],
      startedEventId: 59,
      previousStartedEventId: 55,
    });
    expect(decisionTypes(later.decisions)).to.deep.equal(['FailWorkflowExecution']);
    expect(later.failureReason).to.match(
      new RegExp(`^${ResultDecodingFailure.name}: The result of activity1 \\(event 48\\) is not valid JSON`),
    );
  });

  it('fails the workflow when the child it awaits returned something that is not JSON', async () => {
    const { decisions } = await decide(StringTransformer, pyflowTask('invalid_child_workflow_output'));
    expect(decisionTypes(decisions)).to.deep.equal(['FailWorkflowExecution']);
    expect(decisions[0].failWorkflowExecutionDecisionAttributes!.reason).to.match(
      /^ResultDecodingFailure: The result of child_workflow1 \(event 57\)/,
    );
  });
});
