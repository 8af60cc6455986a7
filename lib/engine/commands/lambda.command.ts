import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import type { Deferred } from '../deferred';
import { compact } from '../compact';
import { CallCommand } from './call.command';
import type { Settler } from './settler';

/** `ScheduleLambdaFunction` and its events. SWF cannot cancel a Lambda function, so it has no cancel decision. */
export class LambdaCommand extends CallCommand {
  readonly kind = 'lambda';

  constructor(
    id: string,
    readonly label: string,
    private readonly input: string | undefined,
    private readonly startToCloseTimeout: string | undefined,
    future: Deferred<unknown>,
    settler: Settler,
  ) {
    super(id, future, settler);
  }

  decisionType(): DecisionType {
    return 'ScheduleLambdaFunction';
  }

  decision(): Decision {
    return {
      decisionType: 'ScheduleLambdaFunction',
      scheduleLambdaFunctionDecisionAttributes: compact({
        id: this.id,
        name: this.label,
        input: this.input,
        startToCloseTimeout: this.startToCloseTimeout,
      }),
    };
  }

  override payloadLength(): number {
    return this.input?.length ?? 0;
  }
}
