import {
  GetWorkflowExecutionHistoryCommand,
  PollForDecisionTaskCommand,
  type Decision,
  type DecisionTask,
  type EventType,
  type HistoryEvent,
  type SWFClient,
  type WorkflowExecution,
} from '@aws-sdk/client-swf';
import { expect } from 'chai';

/** Records the command name of every call a client makes, for coverage checks. */
export function recordCommands(client: SWFClient, into: Set<string>): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      into.add(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name: 'conformanceCommandRecorder' },
  );
}

/** Awaits a promise that must reject with `type` (an SDK exception class or its name). */
export async function expectFault(call: Promise<unknown>, type: string | (abstract new (...args: never[]) => Error)): Promise<Error> {
  const outcome = await call.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) expect.fail(`expected ${typeof type === 'string' ? type : type.name}, but the call succeeded`);
  const error = outcome.error as Error;
  if (typeof type === 'string') expect(error.name, error.message).to.equal(type);
  else expect(error, `${error.name}: ${error.message}`).to.be.instanceOf(type);
  return error;
}

export async function fullHistory(swf: SWFClient, domain: string, execution: WorkflowExecution): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await swf.send(new GetWorkflowExecutionHistoryCommand({ domain, execution, nextPageToken }));
    events.push(...(page.events ?? []));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return events;
}

/**
 * Waits (in real time, briefly) until the history satisfies `ready`: the
 * service runs Lambda functions and propagates child results asynchronously.
 */
export async function historyWhen(
  swf: SWFClient,
  domain: string,
  execution: WorkflowExecution,
  ready: (events: HistoryEvent[]) => boolean,
  what: string,
): Promise<HistoryEvent[]> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const events = await fullHistory(swf, domain, execution);
    if (ready(events)) return events;
    if (Date.now() > deadline) {
      expect.fail(`${execution.workflowId}: timed out waiting for ${what}; history: ${events.map((e) => e.eventType).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const has =
  (...types: EventType[]) =>
  (events: HistoryEvent[]): boolean =>
    types.every((type) => events.some((e) => e.eventType === type));

export function eventsOf(events: HistoryEvent[], type: EventType): HistoryEvent[] {
  return events.filter((e) => e.eventType === type);
}

/** Polls a decision task list and merges every history page of the task. */
export async function pollDecision(swf: SWFClient, domain: string, taskList: string): Promise<DecisionTask & { taskToken: string }> {
  const first = await swf.send(new PollForDecisionTaskCommand({ domain, taskList: { name: taskList }, identity: 'conformance-decider' }));
  expect(first.taskToken, `a decision task on ${taskList}`).to.be.a('string');
  const events = [...(first.events ?? [])];
  let nextPageToken = first.nextPageToken;
  while (nextPageToken) {
    const page = await swf.send(new PollForDecisionTaskCommand({ domain, taskList: { name: taskList }, nextPageToken }));
    events.push(...(page.events ?? []));
    nextPageToken = page.nextPageToken;
  }
  return { ...first, events, taskToken: first.taskToken as string };
}

export function decisionTypes(decisions: Decision[]): string[] {
  return decisions.map((d) => d.decisionType as string);
}
