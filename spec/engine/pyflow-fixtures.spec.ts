import type { Decision } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { decide, WorkflowExecution, type DecisionTaskInput } from '../../engine';
import { NondeterminismError, ResultDecodingFailure } from '../../index';
import { StringConcatter, StringTransformer, StringTransformerAsRecorded } from '../fixtures/workflows';
import { comparable, decisionTypes } from '../helpers/decisions';
import { pyflowTask, readFixture } from '../helpers/fixtures';

const expected = readFixture<Record<string, Decision[]>>('pyflow', 'expected_decisions.json');
const parentId = 'StringTransformer@1383a003-fb65-4761-aa6e-ce31e49894a6';
/** The parent's tasks up to 06, which pyflow's own workflow code replays as recorded. */
const earlyTasks = [
  'decision_task00',
  'decision_task01',
  'decision_task02',
  'decision_task03',
  'decision_task04',
  'decision_task05',
  'decision_task06',
];
/** Recorded after the response to task 06 (DecisionTaskCompleted 45) sent only the activity. */
const laterTasks = ['decision_task07', 'decision_task09', 'decision_task11', 'invalid_activity_output', 'invalid_child_workflow_output'];
const childTasks = ['decision_task08', 'decision_task10'];

/** tsflow names new timers `timerN` and children `<parent id>-childN` where pyflow wrote `sleepN` and `child_workflowN`. */
const toPyflowIds = (id: string): string =>
  id
    .replace(/^timer(\d+)$/, 'sleep$1')
    .replace(new RegExp(`^${parentId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-child(\\d+)$`), 'child_workflow$1');

const workflowFor = (task: DecisionTaskInput) => (task.workflowType?.name === 'StringConcatter' ? StringConcatter : StringTransformer);

describe('pyflow recorded decision tasks', () => {
  for (const name of [...earlyTasks, ...childTasks]) {
    it(`decides ${name} as pyflow expects (decoded JSON, ids per README)`, async () => {
      const task = pyflowTask(name);
      const result = await decide(workflowFor(task), task, { compareInputs: true });
      expect(result.decisions.map((d) => comparable(d, toPyflowIds))).to.deep.equal(expected[name].map((d) => comparable(d)));
    });
  }

  for (const name of laterTasks) {
    it(`finds ${name} nondeterministic for pyflow's own workflow: DecisionTaskCompleted 45 recorded only the activity`, async () => {
      const error = await decide(StringTransformer, pyflowTask(name)).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NondeterminismError);
      const n = error as NondeterminismError;
      expect(n).to.include({ eventId: 45, decisionTaskCompletedEventId: 45 });
      expect(n.recorded).to.equal(undefined);
      expect(n.produced).to.deep.include({ decisionType: 'StartChildWorkflowExecution', label: 'StringConcatter@1.0' });
      expect(n.message).to.match(/at event 45 \(the decisions of DecisionTaskCompleted 45\): history recorded no further decision there/);
    });
  }

  it('replays the later tasks with the workflow written in the recorded order: 07 starts the child, 09 waits, 11 completes', async () => {
    const seventh = await decide(StringTransformerAsRecorded, pyflowTask('decision_task07'));
    expect(decisionTypes(seventh.decisions)).to.deep.equal(['StartChildWorkflowExecution']);
    const start = seventh.decisions[0].startChildWorkflowExecutionDecisionAttributes!;
    const recorded = pyflowTask('decision_task09').events!.find(
      (e) => e.eventId === 52,
    )!.startChildWorkflowExecutionInitiatedEventAttributes!;
    expect(JSON.parse(start.input!)).to.deep.equal(JSON.parse(recorded.input!));
    expect(start.lambdaRole).to.equal(recorded.lambdaRole);
    expect(start.workflowType).to.deep.equal(recorded.workflowType);
    expect((await decide(StringTransformerAsRecorded, pyflowTask('decision_task09'))).decisions).to.deep.equal([]);
    const last = await decide(StringTransformerAsRecorded, pyflowTask('decision_task11'));
    expect(decisionTypes(last.decisions)).to.deep.equal(['CompleteWorkflowExecution']);
    expect(JSON.parse(last.decisions[0].completeWorkflowExecutionDecisionAttributes!.result!)).to.equal('OLLEH DLROW');
  });

  it('fails the workflow written in the recorded order when its activity result is not JSON (invalid_activity_output)', async () => {
    const { decisions, failureReason } = await decide(StringTransformerAsRecorded, pyflowTask('invalid_activity_output'));
    expect(decisionTypes(decisions)).to.deep.equal(['FailWorkflowExecution']);
    expect(failureReason).to.match(new RegExp(`^${ResultDecodingFailure.name}: The result of activity1 \\(event 48\\) is not valid JSON`));
  });

  it('gives the same decisions when one kept execution decides the parent tasks one after another', async () => {
    const parentTasks = [...earlyTasks, 'decision_task07', 'decision_task09', 'decision_task11'];
    const first = pyflowTask(parentTasks[0]);
    const execution = WorkflowExecution.start(StringTransformerAsRecorded, {
      workflowId: first.workflowExecution!.workflowId!,
      runId: first.workflowExecution!.runId!,
    });
    for (const name of parentTasks) {
      const task = pyflowTask(name);
      expect(execution.canContinue(task), name).to.equal(true);
      const incremental = await execution.decide(task);
      const full = await decide(StringTransformerAsRecorded, task);
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

  it('fails the workflow when the child it awaits returned something that is not JSON (recorded in the same order)', async () => {
    const { decisions } = await decide(StringTransformerAsRecorded, pyflowTask('invalid_child_workflow_output'));
    expect(decisionTypes(decisions)).to.deep.equal(['FailWorkflowExecution']);
    expect(decisions[0].failWorkflowExecutionDecisionAttributes!.reason).to.match(
      /^ResultDecodingFailure: The result of child_workflow1 \(event 57\)/,
    );
  });
});
