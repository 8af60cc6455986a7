import { expect } from 'chai';
import { Agent, request } from 'node:http';
import { LocalSwfService } from '../../lib/local';
import type { ListeningServer } from '../../lib/local';
import { seededRandom } from '../helpers/seeded-random';
import { reportFigures } from './report-figures';

const REQUESTS = 3_000;
const SEED = 1201;
const DOMAINS = ['fuzz-a', 'fuzz-b'];
/** Stands for 10,000 nested arrays, spliced into the body text: JSON.stringify itself cannot nest that deep. */
const DEEP = '\u0000deep\u0000';
const encode = (body: Json): string => JSON.stringify(body).replaceAll(JSON.stringify(DEEP), '['.repeat(10_000) + ']'.repeat(10_000));

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
}

/**
 * A seeded fuzzer of the HTTP endpoint: valid requests built from what the
 * service handed out so far (tokens, run ids, page tokens), a third of them
 * mutated (a member deleted, retyped, oversized, nested deep, or an old token),
 * and some garbage. Afterwards the service's invariants must hold.
 */
class Fuzzer {
  readonly random: () => number;
  readonly executions: Array<{ domain: string; workflowId: string; runId: string }> = [];
  readonly decisionTokens: string[] = [];
  readonly activityTokens: string[] = [];
  readonly pageTokens: Array<{ domain: string; token: string }> = [];
  readonly handedOut = new Set<string>();
  readonly accepted = new Set<string>();
  readonly violations: string[] = [];
  readonly statuses = new Map<number, number>();
  mutated = 0;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.random() < p;
  }

  execution(): { domain: string; workflowId: string; runId?: string } {
    if (this.executions.length > 0 && this.chance(0.8)) return this.pick(this.executions);
    return { domain: this.pick(DOMAINS), workflowId: `w${this.int(20)}`, runId: this.chance(0.5) ? 'bm9wZQ==' : undefined };
  }

  decision(): Json {
    const kinds: Array<() => Json> = [
      () => ({
        decisionType: 'ScheduleActivityTask',
        scheduleActivityTaskDecisionAttributes: { activityId: `a${this.int(4)}`, activityType: { name: `A${this.int(2)}`, version: '1' } },
      }),
      () => ({
        decisionType: 'StartTimer',
        startTimerDecisionAttributes: { timerId: `t${this.int(3)}`, startToFireTimeout: this.pick(['0', '1']) },
      }),
      () => ({ decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: `t${this.int(3)}` } }),
      () => ({ decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: 'm', details: 'd' } }),
      () => ({ decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: `a${this.int(4)}` } }),
      () => ({ decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"done"' } }),
      () => ({ decisionType: 'FailWorkflowExecution', failWorkflowExecutionDecisionAttributes: { reason: 'r' } }),
      () => ({ decisionType: 'CancelWorkflowExecution', cancelWorkflowExecutionDecisionAttributes: {} }),
      () => ({ decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { input: '1' } }),
      () => ({
        decisionType: 'StartChildWorkflowExecution',
        startChildWorkflowExecutionDecisionAttributes: {
          workflowId: `c${this.int(5)}`,
          workflowType: { name: `W${this.int(2)}`, version: '1' },
        },
      }),
      () => ({
        decisionType: 'SignalExternalWorkflowExecution',
        signalExternalWorkflowExecutionDecisionAttributes: { workflowId: `w${this.int(20)}`, signalName: 's' },
      }),
      () => ({ decisionType: 'ScheduleLambdaFunction', scheduleLambdaFunctionDecisionAttributes: { id: `l${this.int(3)}`, name: 'nope' } }),
    ];
    return this.pick(kinds)();
  }

  /** One valid request, built from the state so far. */
  valid(): { action: string; body: Json } {
    const domain = this.pick(DOMAINS);
    const token = (list: string[]) => (list.length > 0 ? this.pick(list.slice(-20)) : 'no-such-token');
    const builders: Array<[number, () => { action: string; body: Json }]> = [
      [1, () => ({ action: 'RegisterDomain', body: { name: domain, workflowExecutionRetentionPeriodInDays: '1' } })],
      [
        2,
        () => ({
          action: 'RegisterWorkflowType',
          body: {
            domain,
            name: `W${this.int(2)}`,
            version: '1',
            defaultTaskList: { name: 'deciders' },
            defaultTaskStartToCloseTimeout: this.pick(['1', '2']),
            defaultExecutionStartToCloseTimeout: this.pick(['3', '60']),
            defaultChildPolicy: this.pick(['TERMINATE', 'ABANDON', 'REQUEST_CANCEL']),
          },
        }),
      ],
      [
        2,
        () => ({
          action: 'RegisterActivityType',
          body: {
            domain,
            name: `A${this.int(2)}`,
            version: '1',
            defaultTaskList: { name: 'workers' },
            defaultTaskScheduleToStartTimeout: this.pick(['1', 'NONE']),
            defaultTaskStartToCloseTimeout: this.pick(['1', '2']),
            defaultTaskScheduleToCloseTimeout: 'NONE',
            defaultTaskHeartbeatTimeout: this.pick(['1', 'NONE']),
          },
        }),
      ],
      [
        8,
        () => ({
          action: 'StartWorkflowExecution',
          body: { domain, workflowId: `w${this.int(20)}`, workflowType: { name: `W${this.int(2)}`, version: '1' }, input: '1' },
        }),
      ],
      [4, () => ({ action: 'SignalWorkflowExecution', body: { ...this.execution(), signalName: 's', input: 'x' } })],
      [1, () => ({ action: 'RequestCancelWorkflowExecution', body: this.execution() })],
      [1, () => ({ action: 'TerminateWorkflowExecution', body: { ...this.execution(), reason: 'fuzz' } })],
      [
        12,
        () => ({
          action: 'PollForDecisionTask',
          body: { domain, taskList: { name: 'deciders' }, maximumPageSize: this.pick([1, 2, 100]), reverseOrder: this.chance(0.3) },
        }),
      ],
      [
        2,
        () => ({
          action: 'PollForDecisionTask',
          body: { domain, taskList: { name: 'deciders' }, nextPageToken: this.pageTokens.length ? this.pick(this.pageTokens).token : 'x' },
        }),
      ],
      [
        12,
        () => ({
          action: 'RespondDecisionTaskCompleted',
          body: { taskToken: token(this.decisionTokens), decisions: Array.from({ length: this.int(4) }, () => this.decision()) },
        }),
      ],
      [8, () => ({ action: 'PollForActivityTask', body: { domain, taskList: { name: 'workers' } } })],
      [4, () => ({ action: 'RespondActivityTaskCompleted', body: { taskToken: token(this.activityTokens), result: '"r"' } })],
      [2, () => ({ action: 'RespondActivityTaskFailed', body: { taskToken: token(this.activityTokens), reason: 'r', details: 'd' } })],
      [1, () => ({ action: 'RespondActivityTaskCanceled', body: { taskToken: token(this.activityTokens) } })],
      [2, () => ({ action: 'RecordActivityTaskHeartbeat', body: { taskToken: token(this.activityTokens), details: 'beat' } })],
      [
        3,
        () => ({
          action: 'GetWorkflowExecutionHistory',
          body: { domain: this.execution().domain, execution: this.execution(), maximumPageSize: this.pick([1, 5, 100]) },
        }),
      ],
      [1, () => ({ action: 'DescribeWorkflowExecution', body: { domain: this.execution().domain, execution: this.execution() } })],
      [1, () => ({ action: 'ListOpenWorkflowExecutions', body: { domain, startTimeFilter: { oldestDate: 0 } } })],
      [1, () => ({ action: 'CountPendingDecisionTasks', body: { domain, taskList: { name: 'deciders' } } })],
    ];
    const total = builders.reduce((n, [w]) => n + w, 0);
    let roll = this.random() * total;
    for (const [weight, build] of builders) {
      roll -= weight;
      if (roll < 0) return build();
    }
    return builders[0][1]();
  }

  /** Breaks one member somewhere in the request. */
  mutate(body: Json): Json {
    const copy = JSON.parse(JSON.stringify(body)) as Json;
    const paths: Array<[Json, string]> = [];
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const key of Object.keys(node)) {
        paths.push([node as Json, key]);
        walk((node as Json)[key]);
      }
    };
    walk(copy);
    if (paths.length === 0) return copy;
    const [parent, key] = this.pick(paths);
    const replacements: unknown[] = [
      undefined,
      null,
      42,
      -1,
      1e300,
      true,
      '',
      'x'.repeat(300),
      'y'.repeat(40_000),
      [],
      {},
      DEEP,
      'bad\u0000name',
      'arn:x',
      'a:b/c|d',
      '\ud800',
      this.decisionTokens[0] ?? 'old',
    ];
    const value = this.pick(replacements);
    if (value === undefined) delete parent[key];
    else parent[key] = value;
    this.mutated += 1;
    return copy;
  }

  /** Learns from an answer: tokens, runs and page tokens, and checks that no token comes or goes twice. */
  observe(action: string, sent: Json, answer: Answer): void {
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 500) this.violations.push(`${action} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
    if (answer.status !== 200) return;
    const body = answer.body;
    if (action === 'StartWorkflowExecution')
      this.executions.push({ domain: String(sent.domain), workflowId: String(sent.workflowId), runId: String(body.runId) });
    if ((action === 'PollForDecisionTask' && !sent.nextPageToken) || action === 'PollForActivityTask') {
      const token = body.taskToken as string | undefined;
      if (token) {
        if (this.handedOut.has(token)) this.violations.push(`${action} handed out token ${token} twice`);
        this.handedOut.add(token);
        (action === 'PollForDecisionTask' ? this.decisionTokens : this.activityTokens).push(token);
      }
    }
    if (typeof body.nextPageToken === 'string') this.pageTokens.push({ domain: String(sent.domain), token: body.nextPageToken });
    if (/^Respond/.test(action)) {
      const token = String(sent.taskToken);
      if (this.accepted.has(token)) this.violations.push(`${action} accepted token ${token} twice`);
      this.accepted.add(token);
    }
  }
}

function post(url: string, agent: Agent, action: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `SimpleWorkflowService.${action}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: Json;
          try {
            parsed = JSON.parse(text) as Json;
          } catch {
            parsed = { unparsable: text.slice(0, 100) };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the HTTP endpoint under seeded fuzzing', () => {
  let service: LocalSwfService;
  let server: ListeningServer;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });

  before(async () => {
    service = new LocalSwfService({ longPollTimeoutMs: 0 });
    server = await service.listen({ port: 0 });
  });
  after(async () => {
    agent.destroy();
    await service.close();
  });

  it(`answers ${REQUESTS} random and mutated requests without a 5xx, and keeps its invariants`, async function () {
    this.timeout(120_000);
    const fuzz = new Fuzzer(SEED);
    const started = Date.now();
    for (let i = 0; i < REQUESTS; i++) {
      if (fuzz.chance(0.03)) {
        const answer = await post(
          server.url,
          agent,
          fuzz.pick(['ListDomains', 'Bogus', 'PollForDecisionTask']),
          fuzz.pick(['{', '[]', '"x"', '{"a":', '\u0000', '{}'.repeat(100)]),
        );
        fuzz.observe('garbage', {}, answer);
        continue;
      }
      const { action, body } = fuzz.valid();
      const sent = fuzz.chance(0.3) ? fuzz.mutate(body) : body;
      fuzz.observe(action, sent, await post(server.url, agent, action, encode(sent)));
    }
    const checked = await checkInvariants(server.url, agent, fuzz);
    expect(fuzz.violations).to.deep.equal([]);
    expect(fuzz.handedOut.size, 'the fuzz must reach tasks to mean anything').to.be.greaterThan(20);
    expect(fuzz.accepted.size).to.be.greaterThan(10);
    reportFigures('HTTP fuzz', {
      seed: SEED,
      requests: REQUESTS,
      mutated: fuzz.mutated,
      tokensHandedOut: fuzz.handedOut.size,
      tokensAccepted: fuzz.accepted.size,
      executionsChecked: checked.executions,
      eventsChecked: checked.events,
      statuses: [...fuzz.statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}:${n}`)
        .join(','),
      seconds: (Date.now() - started) / 1000,
    });
  });
});

/** Reads every execution back and checks contiguous event ids and at most one open decision task at any point. */
async function checkInvariants(url: string, agent: Agent, fuzz: Fuzzer): Promise<{ executions: number; events: number }> {
  let executions = 0;
  let events = 0;
  for (const domain of DOMAINS) {
    const infos: Json[] = [];
    for (const action of ['ListOpenWorkflowExecutions', 'ListClosedWorkflowExecutions']) {
      const answer = await post(url, agent, action, JSON.stringify({ domain, startTimeFilter: { oldestDate: 0 }, maximumPageSize: 1000 }));
      infos.push(...((answer.body.executionInfos as Json[] | undefined) ?? []));
    }
    for (const info of infos) {
      executions += 1;
      const execution = info.execution as Json;
      const history: Json[] = [];
      let nextPageToken: string | undefined;
      do {
        const page = await post(
          url,
          agent,
          'GetWorkflowExecutionHistory',
          JSON.stringify({ domain, execution, nextPageToken, maximumPageSize: 1000 }),
        );
        history.push(...((page.body.events as Json[] | undefined) ?? []));
        nextPageToken = page.body.nextPageToken as string | undefined;
      } while (nextPageToken);
      events += history.length;
      const where = `${domain}/${String(execution.workflowId)}`;
      history.forEach((event, i) => {
        if (event.eventId !== i + 1) fuzz.violations.push(`${where}: event ${i + 1} has id ${String(event.eventId)}`);
      });
      let open = 0;
      for (const event of history) {
        if (event.eventType === 'DecisionTaskScheduled') open += 1;
        if (event.eventType === 'DecisionTaskCompleted' || event.eventType === 'DecisionTaskTimedOut') open -= 1;
        if (open > 1 || open < 0) fuzz.violations.push(`${where}: ${open} open decision tasks at event ${String(event.eventId)}`);
      }
    }
  }
  return { executions, events };
}
