import { expect } from 'chai';
import { SWFClient } from '@aws-sdk/client-swf';
import { ActivityContext } from '../../lib/workers/activity-context';
import { TsflowError } from '../../lib/errors';

/** A client whose every call fails loudly: these specs must be stopped before anything is sent. */
const unreachable = new SWFClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  requestHandler: { handle: () => Promise.reject(new Error('sent to SWF')) },
});

describe('ActivityContext', () => {
  const context = new ActivityContext(unreachable, 'token', 'a1', { name: 'Mail.send', version: '2' }, { workflowId: 'w', runId: 'r' }, 1);

  it('refuses heartbeat details over SWF’s 2,048 characters, naming the activity', async () => {
    const error = (await context.heartbeat('x'.repeat(2_049)).catch((e: unknown) => e)) as Error;
    expect(error).to.be.instanceOf(TsflowError);
    expect(error.message).to.equal(
      'Heartbeat details of activity Mail.send 2 (activity id a1) are 2049 characters; SWF allows at most 2048. ' +
        'Heartbeat a short progress marker (a count, a cursor) and keep the rest elsewhere.',
    );
  });

  it('counts JSON-encoded details against the limit too', async () => {
    const error = (await context.heartbeat({ text: 'y'.repeat(2_040) }).catch((e: unknown) => e)) as Error;
    expect(error.message).to.contain('are 2051 characters');
  });

  it('sends details of exactly 2,048 characters', async () => {
    const error = (await context.heartbeat('z'.repeat(2_048)).catch((e: unknown) => e)) as Error;
    expect(error.message).to.equal('sent to SWF');
  });
});
