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
import type { ESLint, Linter } from 'eslint';
import { plugin } from './lib/eslint';

export const meta: ESLint.Plugin['meta'] = plugin.meta;
export const rules: ESLint.Plugin['rules'] = plugin.rules;
export const configs: { recommended: Linter.Config } = plugin.configs;
export { deterministicWorkflowRule, DETERMINISM_MESSAGES } from './lib/eslint';
export type { DeterminismMessageId } from './lib/eslint';
