import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { container } from 'tsyringe';
import { ActivityWorker, DeciderWorker } from '../lib/workers';
import { ConsoleLogger, WorkflowClient } from '../index';
import { TypeRegistry } from '../lib/metadata';
import { InProcessLambdaInvoker, LocalSwfService } from '../lib/local';
import { registerActivityType, registerDomain } from '../lib/workers/register-types';
import { httpClient } from '../spec/helpers/local-transports';
import { BenchActivities, SequentialActivities, SequentialLambdas, benchStep } from './bench-workflows';

/** One end-to-end run: real workers, the real SDK client, the embedded service in process or over loopback HTTP. */
export interface EndToEndSpec {
  scenario: 'sequential-activities' | 'concurrent-workflows' | 'sequential-lambdas';
  transport: 'in-process' | 'HTTP';
  workflows: number;
  steps: number;
  concurrency?: number;
  historyPages?: 'json' | 'sdk';
  cacheSize?: number;
}

export interface EndToEndFigures {
  wallMs: number;
  decisions: number;
  decisionsPerSecond: number;
  callsPerSecond: number;
  msPerDecision: number;
  eventsFetchedPerDecision: number;
  bytesFetchedPerDecision: number;
  apiCallsPerDecision: number;
  peakRssMb: number;
}

const DOMAIN = 'bench';
const TASK_LIST = 'bench-decisions';

async function run(spec: EndToEndSpec): Promise<EndToEndFigures> {
  const lambdaInvoker = new InProcessLambdaInvoker().register('bench_step', benchStep);
  const service = new LocalSwfService({ lambdaInvoker });
  const server = spec.transport === 'HTTP' ? await service.listen({ port: 0 }) : undefined;
  const client = () => (server ? httpClient(server.url) : service.client());
  const swf = client();
  let apiCalls = 0;
  const deciderSwf = client();
  deciderSwf.middlewareStack.add((next) => (args) => ((apiCalls += 1), next(args)), { step: 'initialize', name: 'benchCount' });
  const logger = new ConsoleLogger({ level: process.env.BENCH_DEBUG ? 'debug' : 'silent' });
  const registry = new TypeRegistry({ workflows: [SequentialActivities, SequentialLambdas], activities: [BenchActivities] });
  await registerDomain(swf, DOMAIN);
  for (const definition of registry.activities) await registerActivityType(swf, DOMAIN, definition, 'bench-activities');
  const decider = new DeciderWorker(deciderSwf, registry, container, {
    domain: DOMAIN,
    taskList: TASK_LIST,
    identity: 'bench-decider',
    logger,
    concurrency: spec.concurrency,
    historyPages: spec.historyPages,
    cacheSize: spec.cacheSize,
  });
  const activities = new ActivityWorker(client(), registry, container, {
    domain: DOMAIN,
    taskLists: ['bench-activities'],
    identity: 'bench-activities',
    concurrency: 16,
    logger,
  });
  await decider.start();
  activities.start();
  const workflow: typeof SequentialActivities =
    spec.scenario === 'sequential-lambdas' ? (SequentialLambdas as unknown as typeof SequentialActivities) : SequentialActivities;
  const flows = new WorkflowClient(swf, { domain: DOMAIN, taskList: TASK_LIST, identity: 'bench' });
  try {
    const started = process.hrtime.bigint();
    const handles = await Promise.all(
      Array.from({ length: spec.workflows }, (_, i) => flows.start(workflow, spec.steps, { workflowId: `bench-${i}` })),
    );
    // One waiter at a time: 200 handles polling for their results at once would load the service more than the workers do.
    const results: number[] = [];
    for (const h of handles) results.push(await h.result({ pollIntervalMs: 5, maxPollIntervalMs: 20, timeoutMs: 600_000 }));
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (results.some((r) => r !== spec.steps)) throw new Error(`a ${spec.scenario} run returned ${results.find((r) => r !== spec.steps)}`);
    const stats = decider.historyStats;
    const decisions = stats.tasks;
    return {
      wallMs,
      decisions,
      decisionsPerSecond: decisions / (wallMs / 1000),
      callsPerSecond: (spec.workflows * spec.steps) / (wallMs / 1000),
      msPerDecision: wallMs / decisions,
      eventsFetchedPerDecision: stats.eventsFetched / decisions,
      bytesFetchedPerDecision: stats.bytesFetched / decisions,
      apiCallsPerDecision: apiCalls / decisions,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      ...(process.env.BENCH_DEBUG ? { hits: decider.cache.hits, misses: decider.cache.misses, stats } : {}),
    };
  } finally {
    await activities.close(1000);
    await decider.close(1000);
    await service.close();
  }
}

/** Runs one spec in a fresh process, so its peak RSS is its own. */
export function runInChild(spec: EndToEndSpec): EndToEndFigures {
  const out = execFileSync(process.execPath, [__filename, JSON.stringify(spec)], {
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as EndToEndFigures;
}

if (require.main === module) {
  run(JSON.parse(process.argv[2]) as EndToEndSpec).then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
