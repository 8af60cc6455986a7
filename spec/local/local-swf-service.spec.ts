import {
  PollForActivityTaskCommand,
  PollForDecisionTaskCommand,
  RegisterActivityTypeCommand,
  RegisterDomainCommand,
  RegisterWorkflowTypeCommand,
  RespondDecisionTaskCompletedCommand,
  StartWorkflowExecutionCommand,
  SWFClient,
} from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { LocalSwfService } from '../../lib/local/local-swf-service';
import { ManualClock } from '../../lib/local/manual-clock';
import { SystemClock } from '../../lib/local/clock';

const D = 'svc';

async function setUpActivityWork(swf: SWFClient): Promise<void> {
  await swf.send(new RegisterDomainCommand({ name: D, workflowExecutionRetentionPeriodInDays: '1' }));
  await swf.send(
    new RegisterWorkflowTypeCommand({
      domain: D,
      name: 'W',
      version: '1',
      defaultTaskList: { name: 'deciders' },
      defaultExecutionStartToCloseTimeout: '600',
      defaultTaskStartToCloseTimeout: '30',
      defaultChildPolicy: 'TERMINATE',
    }),
  );
  await swf.send(
    new RegisterActivityTypeCommand({
      domain: D,
      name: 'A',
      version: '1',
      defaultTaskList: { name: 'acts' },
      defaultTaskScheduleToStartTimeout: '60',
      defaultTaskStartToCloseTimeout: '60',
      defaultTaskScheduleToCloseTimeout: '120',
      defaultTaskHeartbeatTimeout: 'NONE',
    }),
  );
}

async function scheduleOneActivity(swf: SWFClient, workflowId: string): Promise<void> {
  await swf.send(new StartWorkflowExecutionCommand({ domain: D, workflowId, workflowType: { name: 'W', version: '1' } }));
  const task = await swf.send(new PollForDecisionTaskCommand({ domain: D, taskList: { name: 'deciders' } }));
  await swf.send(
    new RespondDecisionTaskCompletedCommand({
      taskToken: task.taskToken,
      decisions: [
        {
          decisionType: 'ScheduleActivityTask',
          scheduleActivityTaskDecisionAttributes: { activityId: 'a', activityType: { name: 'A', version: '1' } },
        },
      ],
    }),
  );
}

describe('LocalSwfService', () => {
  it('makes in-memory clients that need no AWS configuration and point nowhere resolvable', async () => {
    const service = new LocalSwfService();
    const swf = service.client();
    expect(await swf.config.region()).to.equal('us-east-1');
    expect(await swf.config.credentials()).to.include({ accessKeyId: 'tsflow-local' });
    const endpoint = await swf.config.endpointProvider({ Region: 'us-east-1', Endpoint: 'http://local-swf.invalid' } as never);
    expect(endpoint.url.hostname).to.equal('local-swf.invalid');
    await service.close();
  });

  it('lets the caller override client settings except the in-memory request handler', async () => {
    const service = new LocalSwfService();
    const swf = service.client({
      region: 'eu-west-1',
      maxAttempts: 1,
      requestHandler: { handle: () => Promise.reject(new Error('not me')) },
    });
    expect(await swf.config.region()).to.equal('eu-west-1');
    await swf.send(new RegisterDomainCommand({ name: 'x', workflowExecutionRetentionPeriodInDays: '1' }));
    await service.close();
  });

  it('exposes the clock it runs on: the given one, or the system clock', async () => {
    const clock = new ManualClock();
    const manual = new LocalSwfService({ clock });
    expect(manual.clock).to.equal(clock);
    const system = new LocalSwfService();
    expect(system.clock).to.be.instanceOf(SystemClock);
    await Promise.all([manual.close(), system.close()]);
  });

  it('withdraws an aborted in-memory long poll, so the next task goes to a live poller', async () => {
    const service = new LocalSwfService({ clock: new ManualClock() });
    const swf = service.client();
    await setUpActivityWork(swf);
    const abort = new AbortController();
    const abandoned = swf
      .send(new PollForActivityTaskCommand({ domain: D, taskList: { name: 'acts' }, identity: 'gone' }), { abortSignal: abort.signal })
      .then(
        () => 'answered',
        (e: Error) => e.name,
      );
    await new Promise((resolve) => setImmediate(resolve));
    abort.abort();
    expect(await abandoned).to.equal('AbortError');
    await scheduleOneActivity(swf, 'w1');
    const task = await swf.send(new PollForActivityTaskCommand({ domain: D, taskList: { name: 'acts' }, identity: 'live' }));
    expect(task.activityId).to.equal('a');
    await service.close();
  });

  it('withdraws a long poll whose HTTP caller hung up', async () => {
    const service = new LocalSwfService({ clock: new ManualClock() });
    const server = await service.listen();
    const remote = new SWFClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    const swf = service.client();
    await setUpActivityWork(swf);
    const abort = new AbortController();
    const abandoned = remote
      .send(new PollForActivityTaskCommand({ domain: D, taskList: { name: 'acts' } }), { abortSignal: abort.signal })
      .catch((e: Error) => e.name);
    await new Promise((resolve) => setTimeout(resolve, 50));
    abort.abort();
    expect(await abandoned).to.equal('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 20)); // the socket close reaches the server
    await scheduleOneActivity(swf, 'w1');
    const task = await swf.send(new PollForActivityTaskCommand({ domain: D, taskList: { name: 'acts' } }));
    expect(task.activityId).to.equal('a');
    remote.destroy();
    await service.close();
  });

  it('close() answers pending long polls and stops every server it started', async () => {
    const service = new LocalSwfService({ clock: new ManualClock() });
    const swf = service.client();
    await swf.send(new RegisterDomainCommand({ name: D, workflowExecutionRetentionPeriodInDays: '1' }));
    const first = await service.listen();
    const second = await service.listen();
    const remote = new SWFClient({
      endpoint: first.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    const pending = swf.send(new PollForDecisionTaskCommand({ domain: D, taskList: { name: 'deciders' } }));
    const pendingRemote = remote.send(new PollForDecisionTaskCommand({ domain: D, taskList: { name: 'deciders' } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await service.close();
    expect((await pending).taskToken).to.equal(undefined);
    // over HTTP too: an empty answer, not a cut connection
    expect((await pendingRemote).taskToken).to.equal(undefined);
    remote.destroy();
    for (const server of [first, second]) {
      const refused = await fetch(server.url, { method: 'POST' }).then(
        () => 'answered',
        () => 'refused',
      );
      expect(refused).to.equal('refused');
    }
  });
});
