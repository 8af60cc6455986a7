import { runLambdaTask, scheduleLambdaTask } from './lambda-tasks';
import { LIMITS } from '../validation/swf-limits';
import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';

export function scheduleLambda(scope: DecisionScope, a: DecisionAttributesMap['ScheduleLambdaFunction']): void {
  const { ctx, execution, completedEventId: decisionTaskCompletedEventId } = scope;
  const fail = (cause: 'ID_ALREADY_IN_USE' | 'OPEN_LAMBDA_FUNCTIONS_LIMIT_EXCEEDED') =>
    void execution.addEvent('ScheduleLambdaFunctionFailed', { id: a.id, name: a.name, cause, decisionTaskCompletedEventId });
  if (execution.lambdas.has(a.id!)) return fail('ID_ALREADY_IN_USE');
  if (execution.lambdas.size >= LIMITS.openLambdas) return fail('OPEN_LAMBDA_FUNCTIONS_LIMIT_EXCEEDED');
  const request = {
    id: a.id!,
    name: a.name!,
    control: a.control,
    input: a.input,
    startToCloseTimeout: a.startToCloseTimeout ?? String(LIMITS.lambdaDefaultTimeoutSeconds),
  };
  const state = scheduleLambdaTask(execution, request, decisionTaskCompletedEventId);
  scope.after.push(() => runLambdaTask(ctx, execution, state, request));
}
