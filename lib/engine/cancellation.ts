import { CancelledFailure } from './call-failures';
import { ActivityCommand, CancelExternalCommand, ChildCommand, TimerCommand, type CallCommand, type Command } from './commands';
import { DecisionTooLargeError } from './decision-too-large.error';
import { compact } from './compact';
import type { Settler } from './commands';

/** What cancellation needs of the execution's state (ReplayState). */
export interface CancellationHost extends Settler {
  readonly finished: boolean;
  cancelRequested: boolean;
  pendingCalls(): CallCommand[];
  add(command: Command): void;
  addCancel(command: Command): void;
  nextSequence(kind: string): number;
}

/**
 * Takes back what a workflow started: a timer (`CancelTimer`), an activity
 * (`RequestCancelActivityTask`) or a child (`RequestCancelExternalWorkflowExecution`),
 * one call at a time (`cancel()` on its future) or all of them when the execution
 * is asked to cancel. A call SWF never heard of is withdrawn instead, and each is asked once.
 */
export class Cancellation {
  /** Calls open when the execution was asked to cancel, whose cancel decisions wait for the activation's events to be applied. */
  private sweep: CallCommand[] = [];
  /** Children asked to cancel before SWF told their run id; asked as soon as it does. */
  private awaitingStart: ChildCommand[] = [];

  constructor(private readonly state: CancellationHost) {}

  /**
   * The execution was asked to cancel (at event `eventId`). What SWF cannot take
   * back rejects now, in event order: Lambdas and timers (their `CancelTimer`
   * follows). Activities and children are asked to stop and settle with what SWF
   * reports (`ActivityTaskCanceled`, `ChildWorkflowExecutionCanceled`, or a late
   * result), as in the AWS Flow Framework. The cancel decisions are made once the
   * activation's events are applied (`beforeActivation`), in the calls' creation order.
   */
  requestAll(eventId: number): void {
    if (this.state.cancelRequested || this.state.finished) return;
    this.state.cancelRequested = true;
    for (const command of this.state.pendingCalls()) {
      if (command.kind === 'lambda' || command.kind === 'timer') {
        command.rejectNow(new CancelledFailure('the workflow execution was asked to cancel', command.origin(eventId)));
      }
      if (command.kind !== 'lambda') this.sweep.push(command);
    }
  }

  /** Once the activation's events are applied, before the workflow runs: the sweep's decisions, and children whose start SWF just reported. */
  beforeActivation(): void {
    const sweep = this.sweep;
    this.sweep = [];
    for (const command of sweep) {
      if (command instanceof TimerCommand) this.takeBack(command);
      else this.cancelCall(command);
    }
    const waiting = this.awaitingStart;
    this.awaitingStart = [];
    for (const child of waiting) {
      if (this.state.finished || !child.pending || !child.running) continue;
      if (child.state === 'started') this.cancelStartedChild(child);
      else this.awaitingStart.push(child);
    }
  }

  /** `cancel()` on a timer's future: it rejects now; SWF's timer is cancelled (or never sent). */
  cancelTimer(timer: TimerCommand): void {
    if (!timer.pending || this.state.finished) return;
    timer.rejectNow(new CancelledFailure(undefined, timer.origin(0)));
    this.takeBack(timer);
  }

  /**
   * `cancel()` on an activity's or child's future. A call never sent is withdrawn and
   * rejects at once; one SWF runs gets its cancel decision, and its future settles with what SWF reports.
   */
  cancelCall(command: CallCommand): void {
    if (this.state.finished || !command.pending || (command.state !== 'created' && !command.running)) return;
    if (command.state === 'created') {
      command.withdraw('cancelled before it was sent');
      command.rejectNow(new CancelledFailure(undefined, command.origin(0)));
    } else if (command instanceof ActivityCommand && command.state !== 'cancel-requested') {
      command.requestCancel();
      this.state.addCancel(command);
    } else if (command instanceof ChildCommand && !command.cancelWanted && command.state !== 'cancel-requested') {
      command.cancelWanted = true;
      // SWF would not find a child it has not started yet; ask once it reports the start (or the child settles first).
      if (command.state === 'started') this.cancelStartedChild(command);
      else this.awaitingStart.push(command);
    }
  }

  /**
   * Cancels whatever kind of call it is (`cancel()` on a future, or its cancellation scope):
   * timers, activities and children as above; a Lambda or an external signal, which SWF cannot
   * take back, rejects now and SWF's later events only close it.
   */
  cancelAny(command: CallCommand): void {
    if (command instanceof TimerCommand) this.cancelTimer(command);
    else if (command instanceof ActivityCommand || command instanceof ChildCommand) this.cancelCall(command);
    else if (command.pending && !this.state.finished) {
      if (command.state === 'created') command.withdraw('cancelled before it was sent');
      command.rejectNow(new CancelledFailure(undefined, command.origin(0)));
    }
  }

  /** A decision that no response could carry: its call fails, as SWF would have refused it. */
  refuseOversize(command: Command): void {
    command.withdraw('too large for a decision task response');
    if (command.future) this.state.reject(command.future, new DecisionTooLargeError(command.id, command.decisionType('start')));
  }

  private takeBack(timer: TimerCommand): void {
    if (this.state.finished) return;
    if (timer.state === 'created') timer.withdraw('cancelled before it was sent');
    else if (timer.running && timer.state !== 'cancel-requested') {
      timer.requestCancel();
      this.state.addCancel(timer);
    }
  }

  private cancelStartedChild(child: ChildCommand): void {
    child.requestCancel();
    const target = compact({ workflowId: child.id, runId: child.runId });
    const request = new CancelExternalCommand(`cancel${this.state.nextSequence('cancel-external')}`, '', target, undefined, this.state);
    this.state.add(request);
  }
}
