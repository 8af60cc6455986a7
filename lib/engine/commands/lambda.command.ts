import type { ScheduleLambdaFunctionDecisionAttributes } from '@aws-sdk/client-swf';
import { AttributedCommand } from './attributed.command';

/** `ScheduleLambdaFunction` and its events. SWF cannot cancel a Lambda function, so it has no cancel decision. */
export class LambdaCommand extends AttributedCommand<Omit<ScheduleLambdaFunctionDecisionAttributes, 'id'>> {
  readonly kind = 'lambda';
  protected readonly shape = { type: 'ScheduleLambdaFunction', key: 'scheduleLambdaFunctionDecisionAttributes', id: 'id' } as const;
}
