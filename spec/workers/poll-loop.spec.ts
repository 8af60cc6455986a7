import { expect } from 'chai';
import { setTimeout as delay } from 'node:timers/promises';
import { Backoff } from '../../lib/workers/backoff';
import { PollLoop } from '../../lib/workers/poll-loop';
import { Slots } from '../../lib/workers/slots';
import { RecordingLogger } from '../helpers/quiet-logger';

describe('PollLoop', () => {
  it('backs off after failed polls, logs them, and carries on when polling works again', async () => {
    const logger = new RecordingLogger();
    const handled: number[] = [];
    let polls = 0;
    const loop = new PollLoop<number>({
      name: 'spec',
      logger,
      slots: new Slots(1),
      backoff: new Backoff(10, 20, () => 1),
      poll: async () => {
        polls += 1;
        if (polls <= 2) throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
        if (polls === 3) return 42;
        await delay(5);
        return undefined;
      },
      handle: async (task) => void handled.push(task),
    });
    const started = Date.now();
    loop.start();
    while (handled.length === 0 && Date.now() - started < 2000) await delay(5);
    await loop.stop();
    expect(handled).to.deep.equal([42]);
    expect(logger.lines.filter((l) => l.message === 'poll failed; retrying')).to.have.length(2);
    expect(logger.lines[0].fields).to.include({ loop: 'spec', error: 'ThrottlingException: slow down', failures: 1 });
  });

  it('calls a non-transient poll failure an error, naming what to check', async () => {
    const logger = new RecordingLogger();
    const loop = new PollLoop<number>({
      name: 'spec',
      logger,
      slots: new Slots(1),
      backoff: new Backoff(10, 20, () => 1),
      poll: async () => {
        throw Object.assign(new Error('Unknown domain: nope'), { name: 'UnknownResourceFault' });
      },
      handle: async () => undefined,
    });
    loop.start();
    await delay(30);
    await loop.stop();
    expect(logger.lines[0]).to.deep.include({
      level: 'error',
      message: 'poll failed; retrying (check the domain, task list and credentials)',
    });
  });

  it('stops polling at once but lets in-flight tasks finish', async () => {
    let finished = false;
    let polled = 0;
    const loop = new PollLoop<string>({
      name: 'spec',
      logger: new RecordingLogger(),
      slots: new Slots(2),
      poll: async (signal) => {
        polled += 1;
        if (polled === 1) return 'slow task';
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
        return undefined;
      },
      handle: async () => {
        await delay(100);
        finished = true;
      },
    });
    loop.start();
    await delay(10);
    const outcome = await loop.stop(5_000);
    expect(finished).to.equal(true);
    expect(outcome).to.deep.equal({ unfinished: 0 });
  });

  it('gives up waiting for in-flight tasks after the shutdown timeout, saying how many', async () => {
    let polled = false;
    const loop = new PollLoop<string>({
      name: 'spec',
      logger: new RecordingLogger(),
      slots: new Slots(1),
      poll: async () => {
        if (polled) return undefined;
        polled = true;
        return 'stuck';
      },
      handle: () => new Promise(() => undefined),
    });
    loop.start();
    await delay(10);
    expect(await loop.stop(30)).to.deep.equal({ unfinished: 1 });
  });
});
