import { ConsoleLogger, FlowFactory, WorkerModule, WorkflowClient, formatTimeline, type FlowOptions } from 'tsflow';
import { lambdas } from './lambdas';
import { StringConcatter, StringTransformer } from './workflows';

@WorkerModule({ workflows: [StringTransformer, StringConcatter] })
export class StringTransformerModule {}

/**
 * Where the sample runs, from the environment:
 * - nothing set: on an SWF service embedded in this process, Lambdas in-process;
 * - `SWF_ENDPOINT=http://127.0.0.1:8080`: on a `tsflow dev-server` (any credentials);
 * - `SWF_REGION=eu-west-1` and `LAMBDA_ROLE=arn:…`: on AWS SWF, with the three
 *   functions deployed to Lambda and the usual AWS credentials.
 */
function connection(): { options: Pick<FlowOptions, 'local' | 'swf' | 'registerDomain'>; where: string } {
  const { SWF_ENDPOINT, SWF_REGION } = process.env;
  if (SWF_ENDPOINT) {
    const credentials = { accessKeyId: 'dev-server', secretAccessKey: 'dev-server' };
    return { options: { swf: { endpoint: SWF_ENDPOINT, region: 'us-east-1', credentials }, registerDomain: true }, where: SWF_ENDPOINT };
  }
  if (SWF_REGION) return { options: { swf: { region: SWF_REGION }, registerDomain: true }, where: `AWS SWF in ${SWF_REGION}` };
  return { options: { local: { lambdas } }, where: 'the embedded SWF service' };
}

/** Runs the string transformer end to end: `npm start` (or `npm start -- some words`). */
async function main(): Promise<void> {
  const words = process.argv.length > 2 ? process.argv.slice(2) : ['Hello', ' ', 'World'];
  const { options, where } = connection();
  const app = await FlowFactory.create(StringTransformerModule, {
    domain: 'tsflow-samples',
    taskList: 'string-transformer',
    ...options,
    logger: new ConsoleLogger({ level: (process.env.TSFLOW_LOG_LEVEL as 'info') ?? 'warn' }),
  });
  try {
    const client = app.get(WorkflowClient);
    console.log(`Starting StringTransformer with ${JSON.stringify(words)} on ${where}…`);
    const run = await client.start(StringTransformer, words, { lambdaRole: process.env.LAMBDA_ROLE });
    const result = await run.result({ timeoutMs: 60_000 });
    console.log(`\nResult: ${JSON.stringify(result)}\n`);
    const history = await run.history();
    console.log(`StringTransformer ${run.workflowId} (${history.length} events):`);
    console.log(formatTimeline(history, { hideDecisionTasks: true }));
    const child = history.find((e) => e.eventType === 'ChildWorkflowExecutionCompleted')?.childWorkflowExecutionCompletedEventAttributes;
    if (child?.workflowExecution) {
      const { workflowId, runId } = child.workflowExecution;
      const childHistory = await client.history(workflowId!, runId!);
      console.log(`\nStringConcatter ${workflowId} (${childHistory.length} events):`);
      console.log(formatTimeline(childHistory, { hideDecisionTasks: true }));
    }
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
