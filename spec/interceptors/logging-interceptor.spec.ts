import 'reflect-metadata';
import { expect } from 'chai';
import {
  Activities,
  Activity,
  FlowFactory,
  LoggingInterceptor,
  WorkerModule,
  Workflow,
  WorkflowClient,
  type ActivityCall,
} from '../../index';
import { RecordingLogger } from '../helpers/quiet-logger';

@Activities({ version: '1', prefix: 'logged', defaultTaskList: 'logging-spec-activities', defaultTaskStartToCloseTimeout: 30 })
class LoggedActivities {
  @Activity()
  async twice(n: number): Promise<number> {
    if (n < 0) throw new RangeError('negative');
    return n * 2;
  }

  private tried = false;

  @Activity()
  async secondTime(): Promise<string> {
    if (this.tried) return 'done';
    this.tried = true;
    throw new RangeError('not yet');
  }
}

@Workflow('LoggedRetry', '1')
class LoggedRetry {
  @Activity(LoggedActivities, 'secondTime', { retry: { maximumAttempts: 2, initialInterval: 1 } }) secondTime!: ActivityCall<void, string>;
  async run(): Promise<string> {
    return this.secondTime();
  }
}

@Workflow('Logged', '1')
class Logged {
  @Activity(LoggedActivities, 'twice') twice!: ActivityCall<number, number>;
  async run(n: number): Promise<number> {
    const a = await this.twice(n);
    return this.twice(-a).catch(() => a);
  }
}

@WorkerModule({ workflows: [Logged, LoggedRetry], activities: [LoggedActivities] })
class LoggedModule {}

describe('LoggingInterceptor', () => {
  it('logs each workflow call and each retry of one once (not on replays), each activity with its outcome, and each client call', async () => {
    const logger = new RecordingLogger();
    const app = await FlowFactory.create(LoggedModule, {
      domain: 'logging',
      taskList: 'logging-spec',
      local: true,
      logger,
      handleSignals: false,
      deciderCacheSize: 0, // every decision task replays from the start: calls are made again, and must not be logged again
      interceptors: [new LoggingInterceptor(logger)],
    });
    try {
      const run = await app.get(WorkflowClient).start(Logged, 3, { workflowId: 'logged-1' });
      expect(await run.result({ timeoutMs: 20_000 })).to.equal(6);
      const lines = (message: string) => logger.lines.filter((l) => l.message === message).map((l) => l.fields);
      const call = { workflowType: 'Logged@1', workflowId: 'logged-1', kind: 'activity', type: 'logged.twice@1', member: 'twice' };
      expect(lines('workflow call')).to.deep.equal([
        { ...call, runId: run.runId, callId: 'activity1' },
        { ...call, runId: run.runId, callId: 'activity2' },
      ]);
      expect(lines('activity returned').map((f) => f?.activity)).to.deep.equal(['logged.twice@1']);
      expect(lines('activity threw').map((f) => f?.error)).to.deep.equal(['RangeError: negative']);
      expect(lines('client start')).to.deep.equal([{ workflowId: 'logged-1', type: 'Logged@1', runId: run.runId }]);

      const retried = await app.get(WorkflowClient).start(LoggedRetry, undefined, { workflowId: 'logged-2' });
      expect(await retried.result({ timeoutMs: 20_000 })).to.equal('done');
      const retry = { workflowType: 'LoggedRetry@1', workflowId: 'logged-2', runId: retried.runId, kind: 'activity' };
      expect(lines('workflow call').slice(2)).to.deep.equal([
        { ...retry, type: 'logged.secondTime@1', member: 'secondTime', callId: 'activity1' },
      ]);
      expect(lines('workflow call retried')).to.deep.equal([
        {
          ...retry,
          type: 'logged.secondTime@1',
          member: 'secondTime',
          callId: 'activity1',
          attemptId: 'activity1#2',
          attempt: 2,
          after: 'ActivityFailure: Activity activity1 failed (event 7): RangeError: not yet',
        },
      ]);
    } finally {
      await app.close();
    }
  });
});
