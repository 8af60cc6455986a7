import type { Decision } from '@aws-sdk/client-swf';
import { MAX_PAYLOAD_LENGTH, MAX_REASON_LENGTH, truncate } from '../swf';
import { describeThrown } from '../errors/thrown-value';
import { encodePayload } from '../swf';
import { WorkflowFailed } from './workflow-failed.error';

/** `FailWorkflowExecution` with SWF's limits applied: reason ≤ 256, details ≤ 32,768, cut visibly. */
export function failDecision(reason: string, details: string | undefined): Decision {
  return {
    decisionType: 'FailWorkflowExecution',
    failWorkflowExecutionDecisionAttributes: {
      reason: truncate(reason, MAX_REASON_LENGTH),
      ...(details === undefined ? {} : { details: truncate(details, MAX_PAYLOAD_LENGTH) }),
    },
  };
}

/** `run` returned: complete with its JSON, or fail saying why the result cannot be sent. */
export function completeDecision(workflowType: string, result: unknown): Decision {
  let encoded: string | undefined;
  try {
    encoded = encodePayload(result, `The result of workflow ${workflowType}`);
  } catch (error) {
    const e = error as Error;
    return failDecision(`${e.name}: ${e.message}`, e.message);
  }
  return {
    decisionType: 'CompleteWorkflowExecution',
    completeWorkflowExecutionDecisionAttributes: encoded === undefined ? {} : { result: encoded },
  };
}

/**
 * `run` threw: `WorkflowFailed` gives its own reason and details; an Error its name, message and stack;
 * anything else (a Symbol, `Object.create(null)`, an object whose `toString` throws) is described without
 * ever throwing, since this runs inside a rejection handler.
 */
export function errorDecision(error: unknown): Decision {
  if (error instanceof WorkflowFailed) return failDecision(error.reason, error.details);
  const { name, message, stack, json } = describeThrown(error);
  return failDecision(`${name}: ${message}`, stack ?? json ?? message);
}

/** Input that is not JSON: the execution fails once, without running the workflow. */
export function invalidInputDecision(input: string, error: unknown): Decision {
  return failDecision(
    'InvalidInput: the workflow input is not valid JSON',
    `${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}. The input starts with ${JSON.stringify(input.slice(0, 200))}; start the execution with JSON input.`,
  );
}

/** `run` let the cancellation escape after the execution was asked to cancel: close it as canceled. */
export function cancelDecision(error: Error): Decision {
  return {
    decisionType: 'CancelWorkflowExecution',
    cancelWorkflowExecutionDecisionAttributes: { details: truncate(error.message, MAX_PAYLOAD_LENGTH) },
  };
}
