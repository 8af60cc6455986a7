import type {
  CancelTimerDecisionAttributes,
  CancelWorkflowExecutionDecisionAttributes,
  CompleteWorkflowExecutionDecisionAttributes,
  ContinueAsNewWorkflowExecutionDecisionAttributes,
  DecisionType,
  FailWorkflowExecutionDecisionAttributes,
  RecordMarkerDecisionAttributes,
  RequestCancelActivityTaskDecisionAttributes,
  RequestCancelExternalWorkflowExecutionDecisionAttributes,
  ScheduleActivityTaskDecisionAttributes,
  ScheduleLambdaFunctionDecisionAttributes,
  SignalExternalWorkflowExecutionDecisionAttributes,
  StartChildWorkflowExecutionDecisionAttributes,
  StartTimerDecisionAttributes,
} from '@aws-sdk/client-swf';

/** The attributes type of each decision type (the SDK's own). */
export interface DecisionAttributesMap {
  ScheduleActivityTask: ScheduleActivityTaskDecisionAttributes;
  RequestCancelActivityTask: RequestCancelActivityTaskDecisionAttributes;
  CompleteWorkflowExecution: CompleteWorkflowExecutionDecisionAttributes;
  FailWorkflowExecution: FailWorkflowExecutionDecisionAttributes;
  CancelWorkflowExecution: CancelWorkflowExecutionDecisionAttributes;
  ContinueAsNewWorkflowExecution: ContinueAsNewWorkflowExecutionDecisionAttributes;
  RecordMarker: RecordMarkerDecisionAttributes;
  StartTimer: StartTimerDecisionAttributes;
  CancelTimer: CancelTimerDecisionAttributes;
  SignalExternalWorkflowExecution: SignalExternalWorkflowExecutionDecisionAttributes;
  RequestCancelExternalWorkflowExecution: RequestCancelExternalWorkflowExecutionDecisionAttributes;
  StartChildWorkflowExecution: StartChildWorkflowExecutionDecisionAttributes;
  ScheduleLambdaFunction: ScheduleLambdaFunctionDecisionAttributes;
}

/** A validated decision: its type and attributes, typed together. */
export type ParsedDecision = { [K in DecisionType]: { type: K; attributes: DecisionAttributesMap[K] } }[DecisionType];

export const DECISION_TYPES = [
  'ScheduleActivityTask',
  'RequestCancelActivityTask',
  'CompleteWorkflowExecution',
  'FailWorkflowExecution',
  'CancelWorkflowExecution',
  'ContinueAsNewWorkflowExecution',
  'RecordMarker',
  'StartTimer',
  'CancelTimer',
  'SignalExternalWorkflowExecution',
  'RequestCancelExternalWorkflowExecution',
  'StartChildWorkflowExecution',
  'ScheduleLambdaFunction',
] as const satisfies readonly DecisionType[];

/** Decisions that close the execution: SWF wants them last in the list. */
export const CLOSING_DECISIONS: ReadonlySet<DecisionType> = new Set<DecisionType>([
  'CompleteWorkflowExecution',
  'FailWorkflowExecution',
  'CancelWorkflowExecution',
  'ContinueAsNewWorkflowExecution',
]);

export function attributesMember(type: DecisionType): string {
  return `${type[0].toLowerCase()}${type.slice(1)}DecisionAttributes`;
}
