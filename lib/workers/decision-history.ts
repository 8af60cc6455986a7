import {
  GetWorkflowExecutionHistoryCommand,
  PollForDecisionTaskCommand,
  type DecisionTask,
  type GetWorkflowExecutionHistoryCommandInput,
  type HistoryEvent,
  type PollForDecisionTaskCommandInput,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { retryTransient } from './retry-transient';
import { jsonHistoryPages } from './json-history-pages';

/** SWF's largest history page; fewer, bigger pages mean fewer round trips. */
const PAGE_SIZE = 1000;

export interface DecisionHistoryOptions {
  domain: string;
  taskList: string;
  identity: string;
  /** `json` (default): pages are read with `JSON.parse`; `sdk`: with the SDK's own deserialiser. */
  historyPages?: 'json' | 'sdk';
}

/** What reading history cost, across all decision tasks: the figures the benchmarks print. */
export interface HistoryReadStats {
  /** Decision tasks polled. */
  tasks: number;
  /** PollForDecisionTask calls that returned a task, first pages and later pages. */
  pollPages: number;
  /** GetWorkflowExecutionHistory calls (a miss after a partial poll). */
  historyPages: number;
  /** History events received, old and new. */
  eventsFetched: number;
  /** Bytes of history page bodies received. */
  bytesFetched: number;
}

/**
 * Reads decision tasks and their history pages. A poll may ask for the
 * history only from the previous DecisionTaskStarted on
 * (`startAtPreviousStartedEvent`): enough for a kept execution, which has
 * the rest. Whoever holds no such execution reads the whole history instead.
 */
export class DecisionHistory {
  readonly stats: HistoryReadStats = { tasks: 0, pollPages: 0, historyPages: 0, eventsFetched: 0, bytesFetched: 0 };
  private readonly onPage = (bytes: number): void => void (this.stats.bytesFetched += bytes);

  constructor(
    private readonly swf: SWFClient,
    private readonly options: DecisionHistoryOptions,
  ) {
    const pages: unknown = options.historyPages;
    if (pages !== undefined && pages !== 'json' && pages !== 'sdk')
      throw new RangeError(
        `The decider's historyPages (deciderHistoryPages in FlowFactory's options) must be 'json' or 'sdk', got ${JSON.stringify(pages)}.`,
      );
  }

  /** Every page goes through `JSON.parse`, not the SDK's schema walk: on these commands only, so the client stays as it was. */
  private pollCommand(input: PollForDecisionTaskCommandInput): PollForDecisionTaskCommand {
    const command = new PollForDecisionTaskCommand(input);
    if (this.options.historyPages !== 'sdk') command.middlewareStack.use(jsonHistoryPages(this.onPage));
    return command;
  }

  private historyCommand(input: GetWorkflowExecutionHistoryCommandInput): GetWorkflowExecutionHistoryCommand {
    const command = new GetWorkflowExecutionHistoryCommand(input);
    if (this.options.historyPages !== 'sdk') command.middlewareStack.use(jsonHistoryPages(this.onPage));
    return command;
  }

  /** One long poll; the task holds the first page only (`nextPageToken` says if more follow). */
  async poll(signal: AbortSignal, fromPreviousStarted: boolean): Promise<DecisionTask | undefined> {
    const task = await this.swf.send(this.pollCommand(this.request(fromPreviousStarted)), { abortSignal: signal });
    if (!task.taskToken) return undefined;
    this.stats.tasks += 1;
    this.count('pollPages', task.events);
    return task;
  }

  /** The polled task with every page of its poll merged, oldest event first. */
  async restOfPoll(first: DecisionTask, fromPreviousStarted: boolean): Promise<DecisionTask> {
    const events: HistoryEvent[] = [...(first.events ?? [])];
    let nextPageToken = first.nextPageToken;
    while (nextPageToken) {
      // A page lost to a blip would cost the whole task (it times out); the page token stays valid, so ask again.
      const token = nextPageToken;
      const page = await retryTransient(() =>
        this.swf.send(this.pollCommand({ ...this.request(fromPreviousStarted), nextPageToken: token })),
      );
      this.count('pollPages', page.events);
      events.push(...(page.events ?? []));
      nextPageToken = page.nextPageToken;
    }
    return { ...first, events, nextPageToken: undefined };
  }

  /** The task with the execution's whole history up to its DecisionTaskStarted, read once, page by page. */
  async whole(task: DecisionTask): Promise<DecisionTask> {
    const startedEventId = task.startedEventId ?? 0;
    const events: HistoryEvent[] = [];
    let nextPageToken: string | undefined;
    do {
      const token = nextPageToken;
      const page = await retryTransient(() =>
        this.swf.send(
          this.historyCommand({
            domain: this.options.domain,
            execution: task.workflowExecution,
            maximumPageSize: PAGE_SIZE,
            nextPageToken: token,
          }),
        ),
      );
      this.count('historyPages', page.events);
      events.push(...(page.events ?? []));
      nextPageToken = page.nextPageToken;
    } while (nextPageToken && (events.at(-1)?.eventId ?? 0) < startedEventId);
    // Events recorded after the task started belong to the next decision task.
    while (events.length > 0 && (events.at(-1)?.eventId ?? 0) > startedEventId) events.pop();
    return { ...task, events, nextPageToken: undefined };
  }

  private request(fromPreviousStarted: boolean): PollForDecisionTaskCommandInput {
    return {
      domain: this.options.domain,
      taskList: { name: this.options.taskList },
      identity: this.options.identity,
      maximumPageSize: PAGE_SIZE,
      ...(fromPreviousStarted ? { startAtPreviousStartedEvent: true } : {}),
    };
  }

  private count(calls: 'pollPages' | 'historyPages', events: HistoryEvent[] | undefined): void {
    this.stats[calls] += 1;
    this.stats.eventsFetched += events?.length ?? 0;
  }
}
