import type { ActionHandler } from './service/action-handler';
import {
  countPendingActivityTasks,
  pollForActivityTask,
  recordActivityTaskHeartbeat,
  respondActivityTaskCanceled,
  respondActivityTaskCompleted,
  respondActivityTaskFailed,
} from './activities/activity-task-actions';
import { DECISIONS } from './decision-table';
import { countPendingDecisionTasks, pollForDecisionTask, respondDecisionTaskCompleted } from './decision-tasks/decision-task-actions';
import { deprecateDomain, describeDomain, listDomains, registerDomain, undeprecateDomain } from './domains/domain-actions';
import {
  describeWorkflowExecution,
  getWorkflowExecutionHistory,
  requestCancelWorkflowExecution,
  startWorkflowExecution,
  terminateWorkflowExecution,
} from './executions/execution-actions';
import { signalWorkflowExecution } from './signals/signal-actions';
import { listTagsForResource, tagResource, untagResource } from './domains/tag-actions';
import { typeActions } from './types/type-actions';
import { visibilityActions } from './visibility/visibility-actions';

/** Every action of the SWF API (the commands of `@aws-sdk/client-swf`), by its wire name. */
export const SWF_ACTIONS = {
  RegisterDomain: registerDomain,
  DeprecateDomain: deprecateDomain,
  UndeprecateDomain: undeprecateDomain,
  DescribeDomain: describeDomain,
  ListDomains: listDomains,
  ...typeActions,
  StartWorkflowExecution: startWorkflowExecution,
  SignalWorkflowExecution: signalWorkflowExecution,
  RequestCancelWorkflowExecution: requestCancelWorkflowExecution,
  TerminateWorkflowExecution: terminateWorkflowExecution,
  DescribeWorkflowExecution: describeWorkflowExecution,
  GetWorkflowExecutionHistory: getWorkflowExecutionHistory,
  ...visibilityActions,
  PollForDecisionTask: pollForDecisionTask,
  RespondDecisionTaskCompleted: respondDecisionTaskCompleted(DECISIONS),
  CountPendingDecisionTasks: countPendingDecisionTasks,
  PollForActivityTask: pollForActivityTask,
  RecordActivityTaskHeartbeat: recordActivityTaskHeartbeat,
  RespondActivityTaskCompleted: respondActivityTaskCompleted,
  RespondActivityTaskFailed: respondActivityTaskFailed,
  RespondActivityTaskCanceled: respondActivityTaskCanceled,
  CountPendingActivityTasks: countPendingActivityTasks,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
} satisfies Record<string, ActionHandler>;

export type SwfAction = keyof typeof SWF_ACTIONS;

export function isSwfAction(action: string): action is SwfAction {
  return Object.prototype.hasOwnProperty.call(SWF_ACTIONS, action);
}
