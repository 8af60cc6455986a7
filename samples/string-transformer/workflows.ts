import { ChildWorkflow, Lambda, LambdaFailure, Workflow, WorkflowContext } from 'tsflow';
import type { ChildWorkflowCall, LambdaCall } from 'tsflow';

/** An IAM role SWF assumes to invoke Lambda functions; the embedded service accepts any well-formed one. */
export const LAMBDA_ROLE = 'arn:aws:iam::123456789012:role/swf-lambda';

/** Joins strings with a Lambda function; started as a child of StringTransformer. */
@Workflow('StringConcatter', '1.0', { description: 'Concatenates strings with the string_concat Lambda' })
export class StringConcatter {
  @Lambda('string_concat') concat!: LambdaCall<string[], string>;

  async run(parts: string[]): Promise<string> {
    return this.concat(parts);
  }
}

/**
 * pyflow's sample workflow: upcase each string in parallel, reverse them,
 * wait a little, then join them in a child workflow.
 */
@Workflow('StringTransformer', '1.0', { defaultLambdaRole: LAMBDA_ROLE, description: "pyflow's string transformer" })
export class StringTransformer {
  @Lambda('string_upcase') upcase!: LambdaCall<string, string>;
  /** The same function, declared loosely so the sample can show a failure being caught. */
  @Lambda('string_upcase') upcaseAnything!: LambdaCall<unknown, string>;
  @Lambda('string_reverse', { startToCloseTimeout: 30 }) reverse!: LambdaCall<string, string>;
  @ChildWorkflow(StringConcatter) concat!: ChildWorkflowCall<string[], string>;

  constructor(private readonly flow: WorkflowContext) {}

  async run(words: string[]): Promise<string> {
    // Three Lambda calls in flight at once: each call is a decision, not a wait.
    const upper = words.map((word) => this.upcase(word));

    try {
      await this.upcaseAnything(42);
    } catch (error) {
      if (!(error instanceof LambdaFailure)) throw error;
      // A failed Lambda is an ordinary, catchable error carrying SWF's reason and details.
    }

    const reversed: Promise<string>[] = [];
    for (const word of upper) reversed.push(this.reverse(await word));

    await this.flow.sleep(2); // a durable timer: no process needs to stay up for it
    const parts = await Promise.all(reversed);

    // Anything nondeterministic runs once, is recorded in history, and is replayed from there.
    const stamp = await this.flow.sideEffect(() => new Date().toISOString());
    void stamp;

    return this.concat(parts);
  }
}
