/**
 * The actions of SWF's API (39 in today's `@aws-sdk/client-swf`; older lists
 * say 37, before DeleteActivityType and DeleteWorkflowType), as they appear
 * after `SimpleWorkflowService.`
 * in `X-Amz-Target`. The transports reject anything else before it reaches
 * the service, the way SWF answers `UnknownOperationException`.
 */
export const SWF_ACTIONS = [
  'CountClosedWorkflowExecutions',
  'CountOpenWorkflowExecutions',
  'CountPendingActivityTasks',
  'CountPendingDecisionTasks',
  'DeleteActivityType',
  'DeleteWorkflowType',
  'DeprecateActivityType',
  'DeprecateDomain',
  'DeprecateWorkflowType',
  'DescribeActivityType',
  'DescribeDomain',
  'DescribeWorkflowExecution',
  'DescribeWorkflowType',
  'GetWorkflowExecutionHistory',
  'ListActivityTypes',
  'ListClosedWorkflowExecutions',
  'ListDomains',
  'ListOpenWorkflowExecutions',
  'ListTagsForResource',
  'ListWorkflowTypes',
  'PollForActivityTask',
  'PollForDecisionTask',
  'RecordActivityTaskHeartbeat',
  'RegisterActivityType',
  'RegisterDomain',
  'RegisterWorkflowType',
  'RequestCancelWorkflowExecution',
  'RespondActivityTaskCanceled',
  'RespondActivityTaskCompleted',
  'RespondActivityTaskFailed',
  'RespondDecisionTaskCompleted',
  'SignalWorkflowExecution',
  'StartWorkflowExecution',
  'TagResource',
  'TerminateWorkflowExecution',
  'UndeprecateActivityType',
  'UndeprecateDomain',
  'UndeprecateWorkflowType',
  'UntagResource',
] as const;

export type SwfAction = (typeof SWF_ACTIONS)[number];

const KNOWN = new Set<string>(SWF_ACTIONS);

export function isSwfAction(name: string): name is SwfAction {
  return KNOWN.has(name);
}
