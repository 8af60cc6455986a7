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
}

@Workflow('Logged', '1')
class Logged {
  @Activity(LoggedActivities, 'twice') twice!: ActivityCall<number, number>;
  async run(n: number): Promise<number> {
    const a = await this.twice(n);
    return this.twice(-a).catch(() => a);
  }
}

@WorkerModule({ workflows: [Logged], activities: [LoggedActivities] })
class LoggedModule {}

describe('LoggingInterceptor', () => {
  it('logs each workflow call once (not on replays), each activity with its outcome, and each client call', async () => {
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
      expect(lines('workflow call')).to.deep.equal([
        { workflowType: 'Logged@1', workflowId: 'logged-1', runId: run.runId, kind: 'activity', type: 'logged.twice@1', member: 'twice' },
        { workflowType: 'Logged@1', workflowId: 'logged-1', runId: run.runId, kind: 'activity', type: 'logged.twice@1', member: 'twice' },
      ]);
      expect(lines('activity returned').map((f) => f?.activity)).to.deep.equal(['logged.twice@1']);
      expect(lines('activity threw').map((f) => f?.error)).to.deep.equal(['RangeError: negative']);
      expect(lines('client start')).to.deep.equal([{ workflowId: 'logged-1', type: 'Logged@1', runId: run.runId }]);
    } finally {
      await app.close();
    }
  });
});
