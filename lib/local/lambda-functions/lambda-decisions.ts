import { runLambdaTask, scheduleLambdaTask } from './lambda-tasks';
import { readPayload } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';
import { DECIDER_ID } from '../decision-tasks/decision-readers';
import type { DecisionSpec } from '../decision-tasks/decision-spec';
import type { DecisionAttributesMap } from '../decision-tasks/decision-attributes';
import type { DecisionScope } from '../decision-tasks/decision-scope';

function scheduleLambda(scope: DecisionScope, a: DecisionAttributesMap['ScheduleLambdaFunction']): void {
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

/** No deny: SWF has no OPERATION_NOT_PERMITTED for it; Lambda access is the execution's role. */
export const SCHEDULE_LAMBDA_FUNCTION: DecisionSpec<'ScheduleLambdaFunction'> = {
  parse: (r) => {
    const timeout = r.optionalDuration('startToCloseTimeout', false);
    if (timeout !== undefined && (Number(timeout) < 1 || Number(timeout) > LIMITS.lambdaMaxTimeoutSeconds)) {
      r.fail('startToCloseTimeout', `Member must be between 1 and ${LIMITS.lambdaMaxTimeoutSeconds} seconds`);
    }
    return {
      id: r.requiredString('id', DECIDER_ID),
      name: r.requiredString('name', { min: 1, max: LIMITS.lambdaName }),
      control: readPayload(r, 'control'),
      input: readPayload(r, 'input'),
      startToCloseTimeout: timeout,
    };
  },
  apply: scheduleLambda,
};
