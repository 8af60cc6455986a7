import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import type { Deferred } from './deferred';

/** What a workflow asked for, in call order: each becomes one SWF decision. */
export type CommandKind = 'lambda' | 'activity' | 'child' | 'timer' | 'cancel-timer' | 'cancel-activity' | 'cancel-child' | 'marker';

/**
 * One command and its life: `unsent` until history shows SWF recorded it
 * (then `recorded`), or `dropped` when the workflow took it back before it was
 * sent (a timer cancelled in the activation that started it).
 */
export interface Command {
  readonly kind: CommandKind;
  readonly decisionType: DecisionType;
  /** What the nondeterminism check compares besides the kind: type `name@version`, function or marker name. */
  readonly label: string;
  /** The id SWF knows it by; replaced by the id found in history on replay. */
  id: string;
  readonly decision: Decision;
  state: 'unsent' | 'recorded' | 'dropped';
  /** The workflow's future, for commands that have a result. */
  readonly future?: Deferred<unknown>;
  /** For `cancel-timer`, `cancel-activity` and `cancel-child`: the call it cancels. */
  readonly target?: Command;
  /** History closed the call (completed, failed, fired, canceled, …): SWF no longer knows it as open. */
  closed?: boolean;
  /** The workflow asked SWF to cancel this activity or child; asked once, whatever the answer. */
  cancelRequested?: boolean;
  /** A child's run id, once `ChildWorkflowExecutionStarted` told it. */
  runId?: string;
}

/** Writes a history-given id into the decision, so later decisions (CancelTimer) use SWF's id. */
export function adoptId(command: Command, id: string | undefined): void {
  if (id === undefined || id === command.id) return;
  command.id = id;
  const d = command.decision;
  if (d.scheduleLambdaFunctionDecisionAttributes) d.scheduleLambdaFunctionDecisionAttributes.id = id;
  if (d.scheduleActivityTaskDecisionAttributes) d.scheduleActivityTaskDecisionAttributes.activityId = id;
  if (d.startChildWorkflowExecutionDecisionAttributes) d.startChildWorkflowExecutionDecisionAttributes.workflowId = id;
  if (d.startTimerDecisionAttributes) d.startTimerDecisionAttributes.timerId = id;
  if (d.recordMarkerDecisionAttributes) d.recordMarkerDecisionAttributes.markerName = id;
}
