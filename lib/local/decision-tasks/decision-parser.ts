import type { DecisionType } from '@aws-sdk/client-swf';
import { SwfFault } from '../swf-fault';
import { CHILD_POLICIES, readPayload, readTagList, readTaskList, readType, readWorkflowId } from '../validation/common-readers';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';
import {
  attributesMember,
  CLOSING_DECISIONS,
  DECISION_TYPES,
  type DecisionAttributesMap,
  type ParsedDecision,
} from './decision-attributes';

type Parser<K extends DecisionType> = (r: InputReader) => DecisionAttributesMap[K];

const taskListOf = (r: InputReader) => {
  const name = readTaskList(r, 'taskList');
  return name === undefined ? undefined : { name };
};
const id = { min: 1, max: LIMITS.name, name: true };
const runId = { max: LIMITS.runId };

// One parser per decision type; a missing one is a compile error.
const PARSERS: { [K in DecisionType]: Parser<K> } = {
  ScheduleActivityTask: (r) => ({
    activityType: readType(r, 'activityType'),
    activityId: r.requiredString('activityId', id),
    control: readPayload(r, 'control'),
    input: readPayload(r, 'input'),
    scheduleToCloseTimeout: r.optionalDuration('scheduleToCloseTimeout'),
    taskList: taskListOf(r),
    taskPriority: r.optionalPriority('taskPriority'),
    scheduleToStartTimeout: r.optionalDuration('scheduleToStartTimeout'),
    startToCloseTimeout: r.optionalDuration('startToCloseTimeout'),
    heartbeatTimeout: r.optionalDuration('heartbeatTimeout'),
  }),
  RequestCancelActivityTask: (r) => ({ activityId: r.requiredString('activityId', { min: 1, max: LIMITS.name }) }),
  CompleteWorkflowExecution: (r) => ({ result: readPayload(r, 'result') }),
  FailWorkflowExecution: (r) => ({
    reason: r.optionalString('reason', { max: LIMITS.reason }),
    details: readPayload(r, 'details'),
  }),
  CancelWorkflowExecution: (r) => ({ details: readPayload(r, 'details') }),
  ContinueAsNewWorkflowExecution: (r) => ({
    input: readPayload(r, 'input'),
    executionStartToCloseTimeout: r.optionalDuration('executionStartToCloseTimeout'),
    taskList: taskListOf(r),
    taskPriority: r.optionalPriority('taskPriority'),
    taskStartToCloseTimeout: r.optionalDuration('taskStartToCloseTimeout'),
    childPolicy: r.optionalEnum('childPolicy', CHILD_POLICIES),
    tagList: readTagList(r),
    workflowTypeVersion: r.optionalString('workflowTypeVersion', { min: 1, max: LIMITS.version }),
    lambdaRole: r.optionalString('lambdaRole', { min: 1, max: LIMITS.lambdaRole }),
  }),
  RecordMarker: (r) => ({
    markerName: r.requiredString('markerName', { min: 1, max: LIMITS.name }),
    details: readPayload(r, 'details'),
  }),
  StartTimer: (r) => {
    const timeout = r.optionalDuration('startToFireTimeout', false);
    if (timeout === undefined) r.fail('startToFireTimeout', 'Member must not be null');
    return { timerId: r.requiredString('timerId', id), control: readPayload(r, 'control'), startToFireTimeout: timeout };
  },
  CancelTimer: (r) => ({ timerId: r.requiredString('timerId', { min: 1, max: LIMITS.name }) }),
  SignalExternalWorkflowExecution: (r) => ({
    workflowId: readWorkflowId(r),
    runId: r.optionalString('runId', runId),
    signalName: r.requiredString('signalName', { min: 1, max: LIMITS.name }),
    input: readPayload(r, 'input'),
    control: readPayload(r, 'control'),
  }),
  RequestCancelExternalWorkflowExecution: (r) => ({
    workflowId: readWorkflowId(r),
    runId: r.optionalString('runId', runId),
    control: readPayload(r, 'control'),
  }),
  StartChildWorkflowExecution: (r) => ({
    workflowType: readType(r, 'workflowType'),
    workflowId: readWorkflowId(r),
    control: readPayload(r, 'control'),
    input: readPayload(r, 'input'),
    executionStartToCloseTimeout: r.optionalDuration('executionStartToCloseTimeout'),
    taskList: taskListOf(r),
    taskPriority: r.optionalPriority('taskPriority'),
    taskStartToCloseTimeout: r.optionalDuration('taskStartToCloseTimeout'),
    childPolicy: r.optionalEnum('childPolicy', CHILD_POLICIES),
    tagList: readTagList(r),
    lambdaRole: r.optionalString('lambdaRole', { min: 1, max: LIMITS.lambdaRole }),
  }),
  ScheduleLambdaFunction: (r) => {
    const timeout = r.optionalDuration('startToCloseTimeout', false);
    if (timeout !== undefined && (Number(timeout) < 1 || Number(timeout) > LIMITS.lambdaMaxTimeoutSeconds)) {
      r.fail('startToCloseTimeout', `Member must be between 1 and ${LIMITS.lambdaMaxTimeoutSeconds} seconds`);
    }
    return {
      id: r.requiredString('id', id),
      name: r.requiredString('name', { min: 1, max: LIMITS.lambdaName }),
      control: readPayload(r, 'control'),
      input: readPayload(r, 'input'),
      startToCloseTimeout: timeout,
    };
  },
};

// These decisions have no required member, so SWF accepts them without attributes.
const ATTRIBUTES_OPTIONAL: ReadonlySet<DecisionType> = new Set<DecisionType>([
  'CompleteWorkflowExecution',
  'FailWorkflowExecution',
  'CancelWorkflowExecution',
  'ContinueAsNewWorkflowExecution',
]);

/**
 * Validates every decision of a RespondDecisionTaskCompleted before any of
 * them is applied, so a malformed response changes nothing.
 */
export function parseDecisions(request: InputReader): ParsedDecision[] {
  const readers = request.objectList('decisions', LIMITS.decisionsPerResponse);
  const parsed = readers.map((r) => parseOne(r));
  const closing = parsed.findIndex((d) => CLOSING_DECISIONS.has(d.type));
  if (closing >= 0 && closing !== parsed.length - 1) {
    throw SwfFault.validation(
      `Close must be last decision in list: decisions.${closing + 1}.member is ${parsed[closing].type} ` +
        `but ${parsed.length - closing - 1} decision(s) follow it`,
    );
  }
  return parsed;
}

function parseOne(r: InputReader): ParsedDecision {
  const type = r.requiredEnum('decisionType', DECISION_TYPES);
  const member = attributesMember(type);
  for (const other of DECISION_TYPES) {
    if (other !== type && r.has(attributesMember(other))) {
      r.fail(attributesMember(other), `Member must be absent for a decision of type ${type}`);
    }
  }
  const attributes = ATTRIBUTES_OPTIONAL.has(type) ? r.optionalObject(member) : r.requiredObject(member);
  const empty = InputReader.of({}, member);
  return { type, attributes: (PARSERS[type] as Parser<typeof type>)(attributes ?? empty) } as ParsedDecision;
}
