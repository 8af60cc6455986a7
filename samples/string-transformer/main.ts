import 'reflect-metadata';
import { ConsoleLogger, FlowFactory, WorkerModule, WorkflowClient, formatTimeline } from 'tsflow';
import { lambdas } from './lambdas';
import { StringConcatter, StringTransformer } from './workflows';

@WorkerModule({ workflows: [StringTransformer, StringConcatter] })
export class StringTransformerModule {}

/**
 * Runs the string transformer end to end on the embedded SWF service:
 * `npm start` (or `npm start -- some words`).
 */
async function main(): Promise<void> {
  const words = process.argv.length > 2 ? process.argv.slice(2) : ['Hello', ' ', 'World'];
  const app = await FlowFactory.create(StringTransformerModule, {
    domain: 'tsflow-samples',
    taskList: 'string-transformer',
    local: { lambdas },
    logger: new ConsoleLogger({ level: (process.env.TSFLOW_LOG_LEVEL as 'info') ?? 'warn' }),
  });
  try {
    const client = app.get(WorkflowClient);
    console.log(`Starting StringTransformer with ${JSON.stringify(words)} on the embedded SWF service…`);
    const run = await client.start(StringTransformer, words);
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
