import type { Decision } from '@aws-sdk/client-swf';
import { MAX_DECISIONS_PER_RESPONSE } from '../swf';
import type { ReplayState } from './replay-state';

export interface Response {
  readonly decisions: Decision[];
  /** Commands left for the next decision task because of SWF's 100-decision limit. */
  readonly carriedOver: number;
}

/**
 * The decisions for `RespondDecisionTaskCompleted`: every command SWF has not
 * recorded, in call order, then the outcome. Over SWF's limit of 100 it sends 99
 * and a zero-second timer, whose firing brings the next decision task for the rest.
 */
export function buildResponse(state: ReplayState): Response {
  if (state.closed) return { decisions: [], carriedOver: 0 };
  const commands = state.unsent().map((c) => structuredClone(c.decision));
  const outcome = state.outcome && !state.outcomeRecorded ? [structuredClone(state.outcome)] : [];
  if (commands.length + outcome.length <= MAX_DECISIONS_PER_RESPONSE) return { decisions: [...commands, ...outcome], carriedOver: 0 };
  const sent = commands.slice(0, MAX_DECISIONS_PER_RESPONSE - 1);
  const timer: Decision = {
    decisionType: 'StartTimer',
    startTimerDecisionAttributes: { timerId: state.nextContinueTimerId(), startToFireTimeout: '0' },
  };
  return { decisions: [...sent, timer], carriedOver: commands.length - sent.length };
}
