import { resolve } from 'node:path';
import { expect } from 'chai';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = resolve(__dirname, '../../..');

// Through the package's own name: the subpath a user imports, as package.json exports it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tsflow = require('tsflow/eslint-plugin') as { configs: { recommended: Linter.Config }; meta: { name: string; version: string } };

function eslint(): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { experimentalDecorators: true } } },
      tsflow.configs.recommended,
    ],
  });
}

describe('tsflow/eslint-plugin', () => {
  it('turns the determinism rule on in its recommended flat config', async () => {
    const [result] = await eslint().lintText(
      "import { Workflow } from 'tsflow';\n@Workflow('W', '1') export class W { async run() { return Date.now(); } }\n",
      { filePath: resolve(root, 'bad.workflow.ts') },
    );
    expect(result.messages.map((m) => m.ruleId)).to.deep.equal(['tsflow/deterministic-workflow']);
    expect(result.messages[0].message).to.contain('this.flow.now()');
  });

  it('names itself with the package’s version', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require(resolve(root, 'package.json')) as { version: string };
    expect(tsflow.meta).to.deep.equal({ name: 'tsflow/eslint-plugin', version });
  });

  it('finds nothing to report in the samples and the spec workflows', async () => {
    const results = await eslint().lintFiles(['samples/**/*.ts', 'spec/fixtures/workflows/*.ts', 'spec/module/fixtures/*.ts']);
    expect(results.length).to.be.greaterThan(5);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(problems).to.deep.equal([]);
  });
});
