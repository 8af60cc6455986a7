import * as sdk from '@aws-sdk/client-swf';
import type { DecisionType, SWFClient } from '@aws-sdk/client-swf';
import type { ManualClock } from '../../../lib/local/manual-clock';

export const ALL_DECISION_TYPES: DecisionType[] = [
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
];

/** Every command the SDK has: the session must send each of them at least once. */
export const ALL_COMMANDS = Object.keys(sdk)
  .filter((name) => /^[A-Z]\w+Command$/.test(name))
  .sort();

export interface SessionTarget {
  swf: SWFClient;
  clock: ManualClock;
  /** Decision types sent, filled by the session. */
  decisions: Set<string>;
}

export const D = 'conformance';
export const ROLE = 'arn:aws:iam::123456789012:role/swf-lambda';
export const MAIN = { name: 'Main', version: '1' };
export const CHILD = { name: 'Child', version: '1' };
export const ACT = { name: 'work', version: '1' };
