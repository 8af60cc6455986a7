import 'reflect-metadata';
import { expect } from 'chai';
import { IsNotEmpty, IsString } from 'class-validator';
import { ScheduleFailure, Signal, WorkerModule, Workflow, WorkflowContext } from '../../index';
import { TRANSPORTS } from '../helpers/local-transports';
import { eventTypes, startE2e, waitForEvent, type E2eEnv } from './support/e2e-env';

class Approver {
  @IsString()
  @IsNotEmpty()
  by!: string;
}

@Workflow('E2eApproval', '1')
class Approval {
  private approvedBy?: string;

  constructor(private readonly flow: WorkflowContext) {}

  @Signal('approve')
  onApprove(approver: Approver): void {
    this.approvedBy = approver.by;
  }

  async run(timeoutSeconds: number): Promise<string> {
    const approved = await this.flow.condition(() => this.approvedBy !== undefined, timeoutSeconds);
    return approved ? `approved by ${this.approvedBy}` : `no approval within ${timeoutSeconds} s`;
  }
}

@Workflow('E2eCollector', '1')
class Collector {
  private readonly items: string[] = [];

  constructor(private readonly flow: WorkflowContext) {}

  @Signal()
  add(item: string): void {
    this.items.push(item);
  }

  async run(count: number): Promise<string[]> {
    await this.flow.condition(() => this.items.length >= count);
    return this.items;
  }
}

@Workflow('E2ePinger', '1')
class Pinger {
  constructor(private readonly flow: WorkflowContext) {}

  async run(target: { workflowId: string; runId?: string }): Promise<string> {
    try {
      await this.flow.signalExternal(target.workflowId, target.runId, 'add', 'ping');
      return 'delivered';
    } catch (error) {
      if (error instanceof ScheduleFailure) return `${error.name}: ${error.eventType} ${error.cause}`;
      throw error;
    }
  }
}

@WorkerModule({ workflows: [Approval, Collector, Pinger] })
class SignalsModule {}

for (const transport of TRANSPORTS) {
  describe(`Signals end to end (${transport.name})`, () => {
    let env: E2eEnv;
    /** Runs once, just before the decider's next RespondDecisionTaskCompleted is sent. */
    let beforeNextResponse: (() => Promise<void>) | undefined;

    before(async () => {
      env = await startE2e(transport, SignalsModule, 'e2e-signals');
      env.swf.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'RespondDecisionTaskCompletedCommand' && beforeNextResponse) {
            const hook = beforeNextResponse;
            beforeNextResponse = undefined;
            await hook();
          }
          return next(args);
        },
        { step: 'initialize', name: 'signalDuringDecisionTask' },
      );
    });

    after(() => env.close());

    it('approves by signal before the timeout: the condition holds and its timer is cancelled', async () => {
      const run = await env.client.start(Approval, 86_400);
      await waitForEvent(env.client, run, 'TimerStarted');
      await run.signal(Approval.prototype.onApprove, { by: 'ana' });
      expect(await run.result({ timeoutMs: 10_000 })).to.equal('approved by ana');
      expect(eventTypes(await run.history())).to.deep.equal([
        'WorkflowExecutionStarted',
        'TimerStarted',
        'WorkflowExecutionSignaled',
        'TimerCanceled',
        'WorkflowExecutionCompleted',
      ]);
    });

    it('takes the timeout branch when no signal comes, in workflow time only', async () => {
      const run = await env.client.start(Approval, 86_400);
      const result = await env.skippingTime(() => run.result({ timeoutMs: 10_000 }));
      expect(result).to.equal('no approval within 86400 s');
      const events = await run.history();
      expect(eventTypes(events)).to.deep.equal(['WorkflowExecutionStarted', 'TimerStarted', 'TimerFired', 'WorkflowExecutionCompleted']);
      const at = (type: string) => events.find((e) => e.eventType === type)!.eventTimestamp!.getTime();
      expect(at('TimerFired') - at('TimerStarted')).to.equal(86_400_000);
    });

    it('sees a signal sent while a decision task runs in the next decision task', async () => {
      const workflowId = `collector-during-${transport.name}`;
      beforeNextResponse = () => env.client.signal(workflowId, 'add', 'during');
      const run = await env.client.start(Collector, 2, { workflowId });
      const events = await waitForEvent(env.client, run, 'DecisionTaskCompleted', 2);
      const ids = (type: string) => events.filter((e) => e.eventType === type).map((e) => e.eventId!);
      const [signaled] = ids('WorkflowExecutionSignaled');
      expect(signaled).to.be.greaterThan(ids('DecisionTaskStarted')[0]);
      expect(signaled).to.be.lessThan(ids('DecisionTaskCompleted')[0]);
      await run.signal(Collector.prototype.add, 'after');
      expect(await run.result({ timeoutMs: 10_000 })).to.deep.equal(['during', 'after']);
    });

    it('does not lose a signal sent right after the start, whichever decision task it lands in', async () => {
      const run = await env.client.start(Collector, 1);
      await run.signal(Collector.prototype.add, 'early');
      expect(await run.result({ timeoutMs: 10_000 })).to.deep.equal(['early']);
    });

    it('logs and skips a signal whose DTO is invalid, and carries on with the next one', async () => {
      const run = await env.client.start(Approval, 86_400);
      await waitForEvent(env.client, run, 'TimerStarted');
      await run.signal('approve', { by: 42 });
      await waitForEvent(env.client, run, 'DecisionTaskCompleted', 2);
      const skipped = env.logger.lines.find((line) => line.message === 'signal skipped' && line.fields?.runId === run.runId);
      expect(skipped?.level).to.equal('warn');
      expect(String(skipped?.fields?.reason)).to.contain("signal 'approve'").and.contain('by: by must be a string (isString)');
      expect((await run.describe()).executionInfo?.executionStatus).to.equal('OPEN');
      await run.signal('approve', { by: 'ben' });
      expect(await run.result({ timeoutMs: 10_000 })).to.equal('approved by ben');
    });

    it('signals another execution with signalExternal', async () => {
      const target = await env.client.start(Collector, 1);
      const pinger = await env.client.start(Pinger, { workflowId: target.workflowId, runId: target.runId });
      expect(await pinger.result({ timeoutMs: 10_000 })).to.equal('delivered');
      expect(await target.result({ timeoutMs: 10_000 })).to.deep.equal(['ping']);
      const types = eventTypes(await pinger.history());
      expect(types).to.include.members(['SignalExternalWorkflowExecutionInitiated', 'ExternalWorkflowExecutionSignaled']);
    });

    it('rejects signalExternal with a ScheduleFailure when the target does not exist', async () => {
      const pinger = await env.client.start(Pinger, { workflowId: 'nobody-runs-this' });
      expect(await pinger.result({ timeoutMs: 10_000 })).to.equal(
        'ScheduleFailure: SignalExternalWorkflowExecutionFailed UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION',
      );
    });
  });
}
