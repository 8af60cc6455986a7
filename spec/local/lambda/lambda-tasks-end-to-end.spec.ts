import {
  RegisterDomainCommand,
  RegisterWorkflowTypeCommand,
  RespondDecisionTaskCompletedCommand,
  StartWorkflowExecutionCommand,
  type Decision,
  type HistoryEvent,
  type SWFClient,
  type WorkflowExecution,
} from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { AwsLambdaInvoker } from '../../../lib/local/lambda/aws-lambda-invoker';
import { InProcessLambdaInvoker } from '../../../lib/local/lambda/in-process-lambda-invoker';
import type { LambdaInvoker } from '../../../lib/local/lambda/lambda-invoker';
import { LocalSwfService } from '../../../lib/local/local-swf-service';
import { ManualClock } from '../../../lib/local/manual-clock';
import { startFakeLambdaEndpoint, type FakeLambdaEndpoint, type FakeLambdaFunction } from '../support/fake-lambda-endpoint';
import { eventsOf, has, historyWhen, pollDecision } from '../support/swf-session-helpers';

const D = 'lambdas';
const ROLE = 'arn:aws:iam::123456789012:role/swf-lambda';

let releaseHang: () => void = () => undefined;
const FUNCTIONS: Record<string, FakeLambdaFunction> = {
  string_upcase: (s) => String(s).toUpperCase(),
  explode: () => {
    throw new RangeError('too far');
  },
  hang: () => new Promise((resolve) => (releaseHang = () => resolve('late'))),
};

const invokers: { name: string; create(): Promise<{ invoker: LambdaInvoker; stop(): Promise<void> }> }[] = [
  {
    name: 'in-process functions',
    create: async () => {
      const invoker = new InProcessLambdaInvoker();
      for (const [name, fn] of Object.entries(FUNCTIONS)) invoker.register(name, fn);
      return { invoker, stop: async () => undefined };
    },
  },
  {
    name: 'the Lambda Invoke API (loopback endpoint)',
    create: async () => {
      const endpoint: FakeLambdaEndpoint = await startFakeLambdaEndpoint(FUNCTIONS);
      const invoker = new AwsLambdaInvoker({
        clientConfig: {
          endpoint: endpoint.url,
          region: 'us-east-1',
          credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
          maxAttempts: 1,
        },
      });
      return {
        invoker,
        stop: async () => {
          invoker.destroy();
          await endpoint.close();
        },
      };
    },
  },
];

const lambda = (id: string, name: string, input: string, startToCloseTimeout?: string): Decision => ({
  decisionType: 'ScheduleLambdaFunction',
  scheduleLambdaFunctionDecisionAttributes: { id, name, input, startToCloseTimeout },
});

for (const { name, create } of invokers) {
  describe(`ScheduleLambdaFunction through ${name}`, () => {
    let service: LocalSwfService;
    let swf: SWFClient;
    let clock: ManualClock;
    let stop: () => Promise<void>;
    let execution: WorkflowExecution;
    let events: HistoryEvent[];

    before(async () => {
      const made = await create();
      stop = made.stop;
      clock = new ManualClock();
      service = new LocalSwfService({ clock, lambdaInvoker: made.invoker });
      swf = service.client();
      await swf.send(new RegisterDomainCommand({ name: D, workflowExecutionRetentionPeriodInDays: '1' }));
      await swf.send(
        new RegisterWorkflowTypeCommand({
          domain: D,
          name: 'Lambdas',
          version: '1',
          defaultTaskList: { name: 'deciders' },
          defaultExecutionStartToCloseTimeout: '3600',
          defaultTaskStartToCloseTimeout: '30',
          defaultChildPolicy: 'TERMINATE',
          defaultLambdaRole: ROLE,
        }),
      );
      const { runId } = await swf.send(
        new StartWorkflowExecutionCommand({ domain: D, workflowId: 'w1', workflowType: { name: 'Lambdas', version: '1' } }),
      );
      execution = { workflowId: 'w1', runId };
      const task = await pollDecision(swf, D, 'deciders');
      await swf.send(
        new RespondDecisionTaskCompletedCommand({
          taskToken: task.taskToken,
          decisions: [
            lambda('ok', 'string_upcase', '"hello"'),
            lambda('bad', 'explode', '{}'),
            lambda('missing', 'no_such_function', '{}'),
            lambda('slow', 'hang', '{}', '10'),
          ],
        }),
      );
      await historyWhen(
        swf,
        D,
        execution,
        has('LambdaFunctionCompleted', 'LambdaFunctionFailed', 'StartLambdaFunctionFailed'),
        'three Lambda outcomes',
      );
      await clock.advance(11);
      events = await historyWhen(swf, D, execution, has('LambdaFunctionTimedOut'), 'the Lambda timeout');
    });
    after(async () => {
      releaseHang();
      swf.destroy();
      await service.close();
      await stop();
    });

    const scheduledId = (id: string): number | undefined =>
      eventsOf(events, 'LambdaFunctionScheduled').find((e) => e.lambdaFunctionScheduledEventAttributes?.id === id)?.eventId;

    it('records the result of a function that returns', () => {
      const [completed] = eventsOf(events, 'LambdaFunctionCompleted');
      expect(completed.lambdaFunctionCompletedEventAttributes).to.include({ scheduledEventId: scheduledId('ok'), result: '"HELLO"' });
    });

    it('records a thrown error as LambdaFunctionFailed with "Type: message" and its stack', () => {
      const [failed] = eventsOf(events, 'LambdaFunctionFailed');
      expect(failed.lambdaFunctionFailedEventAttributes).to.include({
        scheduledEventId: scheduledId('bad'),
        reason: 'RangeError: too far',
      });
      expect(failed.lambdaFunctionFailedEventAttributes?.details).to.match(/^RangeError: too far\n\s+at /);
    });

    it('records an unknown function as StartLambdaFunctionFailed, never started', () => {
      const [notStarted] = eventsOf(events, 'StartLambdaFunctionFailed');
      expect(notStarted.startLambdaFunctionFailedEventAttributes?.scheduledEventId).to.equal(scheduledId('missing'));
      expect(notStarted.startLambdaFunctionFailedEventAttributes?.message).to.contain('no_such_function');
      const started = eventsOf(events, 'LambdaFunctionStarted').map((e) => e.lambdaFunctionStartedEventAttributes?.scheduledEventId);
      expect(started).to.not.include(scheduledId('missing'));
    });

    it('times a slow function out on the service clock', () => {
      const [timedOut] = eventsOf(events, 'LambdaFunctionTimedOut');
      expect(timedOut.lambdaFunctionTimedOutEventAttributes).to.include({
        scheduledEventId: scheduledId('slow'),
        timeoutType: 'START_TO_CLOSE',
      });
    });
  });
}
