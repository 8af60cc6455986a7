import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { NondeterminismError, WorkerModule } from 'tsflow';
import { ReplayAssertionError, TestWorkflowEnvironment, assertReplays, replayHistories } from 'tsflow/testing';
import {
  Mailer,
  ReminderModule,
  ReorderedReminder,
  ReorderedReminderModule,
  WeeklyReminder,
  reminderLambdas,
} from './fixtures/reminder-workflows';

describe('replayHistories', () => {
  let history: HistoryEvent[];
  let dir: string;

  before(async () => {
    const env = await TestWorkflowEnvironment.create(ReminderModule, {
      overrides: [{ provide: Mailer, useValue: { send: () => 'receipt' } }],
      lambdas: reminderLambdas,
    });
    try {
      const run = await env.client.start(WeeklyReminder, 'ada');
      await run.result();
      history = await run.history();
    } finally {
      await env.close();
    }
    dir = mkdtempSync(join(tmpdir(), 'tsflow-replay-'));
  });

  it('replays a history from handle.history() through the workflow class', async () => {
    const [result] = await replayHistories(WeeklyReminder, [history]);
    expect(result).to.include({ source: 'histories[0]', workflowType: 'WeeklyReminder 1', ok: true });
  });

  it('replays a saved JSON file of get-workflow-execution-history through the module', async () => {
    const file = join(dir, 'reminder.json');
    writeFileSync(file, JSON.stringify({ events: history }, null, 2));
    const [result] = await replayHistories(ReminderModule, [file]);
    expect(result).to.include({ source: file, ok: true });
  });

  it('reports code that changed in place as nondeterminism, naming the event', async () => {
    const [result] = await replayHistories(ReorderedReminderModule, [history]);
    expect(result.ok).to.equal(false);
    expect(result.error).to.be.instanceOf(NondeterminismError);
    expect(result.eventId).to.be.a('number');
    expect(result.error?.message).to.contain(`at event ${result.eventId}`);
  });

  it('returns one result per history, bad ones included', async () => {
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{ "events": [');
    const results = await replayHistories(ReorderedReminder, [history, notJson, { events: [] }, join(dir, 'missing.json')]);
    expect(results.map((r) => r.ok)).to.deep.equal([false, false, false, false]);
    expect(results[1].error?.message).to.contain(`History file ${notJson} is not JSON`);
    expect(results[2].error?.message).to.contain('histories[2] holds no history events');
    expect(results[3].error?.message).to.contain('Cannot read history file');
  });

  it('says which workflow type a module lacks', async () => {
    @WorkerModule({ workflows: [] })
    class EmptyModule {}
    const [result] = await replayHistories(EmptyModule, [history]);
    expect(result.error?.message).to.contain('EmptyModule has no workflow of type WeeklyReminder version 1');
  });
});

describe('assertReplays', () => {
  it('resolves when every history replays, and rejects listing each one that does not', async () => {
    const env = await TestWorkflowEnvironment.create(ReminderModule, {
      overrides: [{ provide: Mailer, useValue: { send: () => 'receipt' } }],
      lambdas: reminderLambdas,
    });
    let history: HistoryEvent[];
    try {
      const run = await env.client.start(WeeklyReminder, 'bob');
      await run.result();
      history = await run.history();
    } finally {
      await env.close();
    }
    await assertReplays(ReminderModule, [history]);
    const error = await assertReplays(ReorderedReminderModule, [history, history]).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ReplayAssertionError);
    expect((error as ReplayAssertionError).failures).to.have.length(2);
    expect((error as Error).message).to.match(/^2 of 2 histories do not replay:\n {2}histories\[0\] \(WeeklyReminder 1\): Nondeterminism/);
  });
});
