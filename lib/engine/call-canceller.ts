import type { Decision } from '@aws-sdk/client-swf';
import { CancelledFailure } from './call-failures';
import type { Command, CommandKind } from './command';
import { compact } from './compact';
import type { ReplayState } from './replay-state';

/**
 * Takes back what a workflow started: a timer (`CancelTimer`), an activity
 * (`RequestCancelActivityTask`) or a child (`RequestCancelExternalWorkflowExecution`),
 * one call at a time (`cancel()` on its future) or all of them when the execution
 * is asked to cancel. A call SWF never heard of is dropped instead, and each is asked once.
 */
export class CallCanceller {
  /** Calls open when the execution was asked to cancel, whose cancel decisions wait for the activation's end. */
  private sweep: Command[] = [];
  /** Children asked to cancel before SWF told their run id; asked as soon as it does. */
  private awaitingStart: Command[] = [];

  constructor(private readonly state: ReplayState) {}

  /**
   * The execution was asked to cancel (at event `eventId`). What SWF cannot take
   * back rejects now, in event order: Lambdas, and timers (their `CancelTimer`
   * follows). Activities and children are asked to stop and settle with what SWF
   * reports (`ActivityTaskCanceled`, `ChildWorkflowExecutionCanceled`, or a late
   * result), as in the AWS Flow Framework. Every cancel decision is made at the
   * activation's end (`beforeActivation`): only then has history recorded all the
   * decisions already sent, so a command still unsent then was never sent.
   */
  cancelAll(eventId: number): void {
    for (const command of this.state.openCommands()) {
      if (command.kind === 'lambda' || command.kind === 'timer') {
        this.state.reject(
          command.future,
          new CancelledFailure('the workflow execution was asked to cancel', { callId: command.id, eventId }),
        );
      }
      if (command.kind !== 'lambda') this.sweep.push(command);
    }
  }

  /**
   * Once the activation's events are applied, before the workflow runs:
   * the cancel decisions for a cancellation request, in the calls' creation order,
   * and for children whose start SWF has just reported.
   */
  beforeActivation(): void {
    const sweep = this.sweep;
    this.sweep = [];
    for (const command of sweep) {
      if (command.kind === 'timer') this.takeBackTimer(command);
      else this.cancelCall(command);
    }
    const waiting = this.awaitingStart;
    this.awaitingStart = [];
    for (const child of waiting) {
      if (this.state.finished || child.future?.settled || !this.state.isOpen(child)) continue;
      if (child.runId === undefined) this.awaitingStart.push(child);
      else this.requestCancel(child);
    }
  }

  cancelTimer(timer: Command): void {
    if (timer.future?.settled || this.state.finished) return;
    this.state.reject(timer.future, new CancelledFailure(undefined, { callId: timer.id, eventId: 0 }));
    this.takeBackTimer(timer);
  }

  /** Drops a timer that was never sent, or decides `CancelTimer` for one SWF still runs. */
  private takeBackTimer(timer: Command): void {
    if (this.state.finished || !this.state.isOpen(timer) || this.state.drop(timer)) return;
    this.addCancel('cancel-timer', timer, { decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: timer.id } });
  }

  /**
   * `cancel()` on an activity's or child's future. A call never sent is dropped and
   * rejects at once; one SWF runs gets `RequestCancelActivityTask` or
   * `RequestCancelExternalWorkflowExecution`, and its future settles with what SWF reports.
   */
  cancelCall(command: Command): void {
    if (this.state.finished || command.cancelRequested || command.future?.settled || !this.state.isOpen(command)) return;
    command.cancelRequested = true;
    if (this.state.drop(command)) {
      this.state.reject(command.future, new CancelledFailure(undefined, { callId: command.id, eventId: 0 }));
      return;
    }
    // SWF would not find a child it has not started yet; ask once it reports the start (or the child settles first).
    if (command.kind === 'child' && command.runId === undefined) this.awaitingStart.push(command);
    else this.requestCancel(command);
  }

  private requestCancel(command: Command): void {
    if (command.kind === 'activity') {
      this.addCancel('cancel-activity', command, {
        decisionType: 'RequestCancelActivityTask',
        requestCancelActivityTaskDecisionAttributes: { activityId: command.id },
      });
    } else {
      this.addCancel('cancel-child', command, {
        decisionType: 'RequestCancelExternalWorkflowExecution',
        requestCancelExternalWorkflowExecutionDecisionAttributes: compact({ workflowId: command.id, runId: command.runId }),
      });
    }
  }

  private addCancel(kind: CommandKind, target: Command, decision: Decision): void {
    this.state.add({ kind, decisionType: decision.decisionType!, label: '', id: target.id, decision, state: 'unsent', target });
  }
}
