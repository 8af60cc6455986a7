export { DETERMINISM_MESSAGES } from './determinism-messages';
export type { DeterminismMessageId } from './determinism-messages';
export { deterministicWorkflowRule } from './deterministic-workflow.rule';
export { plugin } from './plugin';
