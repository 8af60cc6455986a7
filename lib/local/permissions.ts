import type { DecisionType } from '@aws-sdk/client-swf';

/** One thing a caller or a decider wants to do, as an IAM policy would see it. */
export interface PermissionRequest {
  /** The SWF action, e.g. `StartWorkflowExecution`. */
  action: string;
  /** The domain the request names, when it names one. */
  domain?: string;
  /** For RespondDecisionTaskCompleted: each decision in turn. */
  decisionType?: DecisionType;
}

/**
 * Emulates IAM for tests of error handling: return false to deny. A denied
 * action fails with OperationNotPermittedFault; a denied decision records
 * its `*Failed` event with cause OPERATION_NOT_PERMITTED, as SWF does.
 *
 * @example
 * new LocalSwfBackend({ permissions: (r) => r.decisionType !== 'StartTimer' });
 */
export type PermissionPolicy = (request: PermissionRequest) => boolean;
