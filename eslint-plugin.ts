/**
 * `tsflow/eslint-plugin`: a lint rule that catches nondeterminism in workflow code before it ships.
 *
 * @example
 * ```js
 * // eslint.config.mjs
 * import tsflow from 'tsflow/eslint-plugin';
 * export default [...yourConfigs, tsflow.configs.recommended];
 * ```
 */
import { plugin } from './lib/eslint';

export const meta = plugin.meta;
export const rules = plugin.rules;
export const configs = plugin.configs;
export { deterministicWorkflowRule, DETERMINISM_MESSAGES } from './lib/eslint';
export type { DeterminismMessageId } from './lib/eslint';
