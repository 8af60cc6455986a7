import type { ESLint, Linter } from 'eslint';
import { deterministicWorkflowRule } from './deterministic-workflow.rule';

const rules = { 'deterministic-workflow': deterministicWorkflowRule };

/** The plugin object: its rules under the `tsflow/` prefix. */
export const plugin: ESLint.Plugin & { configs: { recommended: Linter.Config } } = {
  meta: { name: 'tsflow/eslint-plugin', version: '0.1.0' },
  rules,
  configs: {} as { recommended: Linter.Config },
};

/**
 * The flat config that turns the determinism rule on. It checks only files that
 * define a `@Workflow` class, so it can apply to the whole project.
 */
plugin.configs.recommended = {
  name: 'tsflow/recommended',
  plugins: { tsflow: plugin },
  rules: { 'tsflow/deterministic-workflow': 'error' },
};
