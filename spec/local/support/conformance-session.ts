import { executionSteps } from './conformance-execution.steps';
import type { SessionTarget } from './conformance-fixture';
import { registrationSteps } from './conformance-registration.steps';

export { ALL_COMMANDS, ALL_DECISION_TYPES, type SessionTarget } from './conformance-fixture';

/**
 * One scripted SWF session through every action and every decision type,
 * declared as mocha steps that share state. Written once against an
 * SWFClient, so the same steps and assertions run over every transport.
 */
export function conformanceSession(target: () => SessionTarget): void {
  registrationSteps(target);
  executionSteps(target);
}
