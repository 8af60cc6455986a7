import { DescribeWorkflowExecutionCommand, type SWFClient, type WorkflowExecution } from '@aws-sdk/client-swf';

const KEPT = 10_000;

/**
 * The tags of executions, by run id: what interceptors (tracing) read to find
 * an execution's trace. A decider learns them from a history's first event; an
 * activity worker asks SWF once per run (`DescribeWorkflowExecution`). Bounded,
 * oldest first out.
 */
export class ExecutionTags {
  private readonly known = new Map<string, Promise<readonly string[]>>();

  constructor(
    private readonly swf: SWFClient,
    private readonly domain: string,
  ) {}

  remember(runId: string, tags: readonly string[]): void {
    this.keep(runId, Promise.resolve(tags));
  }

  of(execution: WorkflowExecution): Promise<readonly string[]> {
    const runId = execution.runId ?? '';
    const known = this.known.get(runId);
    if (known) return known;
    const asked = this.swf
      .send(new DescribeWorkflowExecutionCommand({ domain: this.domain, execution }))
      .then((d) => d.executionInfo?.tagList ?? []);
    // A failed lookup is not kept: the next task asks again.
    asked.catch(() => this.known.delete(runId));
    this.keep(runId, asked);
    return asked;
  }

  private keep(runId: string, tags: Promise<readonly string[]>): void {
    this.known.delete(runId);
    this.known.set(runId, tags);
    if (this.known.size > KEPT) this.known.delete(this.known.keys().next().value!);
  }
}
