import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { DETERMINISM_MESSAGES } from './determinism-messages';
import {
  AWS_SDK_CLIENTS,
  IO_MODULES,
  checkCall,
  checkNew,
  insideSideEffect,
  moduleStateWrite,
  type Finding,
} from './nondeterminism-checks';
import { isInside, isWorkflowClass, workflowRegions } from './workflow-regions';

type TypedImport = { importKind?: string; specifiers: { importKind?: string }[] };

/** An import of an I/O module that brings in values (an `import type`, or one of only type specifiers, is fine). */
function ioImport(node: ESTree.ImportDeclaration): Finding | undefined {
  const module = String(node.source.value);
  if (!IO_MODULES.test(module) && !AWS_SDK_CLIENTS.test(module)) return undefined;
  const typed = node as unknown as TypedImport;
  if (typed.importKind === 'type') return undefined;
  if (typed.specifiers.length > 0 && typed.specifiers.every((s) => s.importKind === 'type')) return undefined;
  return { node, messageId: 'ioImport', data: { module } };
}

function ioRequire(node: ESTree.CallExpression): Finding | undefined {
  const [first] = node.arguments;
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'require' || first?.type !== 'Literal') return undefined;
  const module = String(first.value);
  return IO_MODULES.test(module) || AWS_SDK_CLIENTS.test(module) ? { node, messageId: 'ioImport', data: { module } } : undefined;
}

/**
 * `tsflow/deterministic-workflow`: flags, in `@Workflow` classes and the
 * functions of the same file they use, what breaks replay (the real clock,
 * randomness, process timers, I/O, module-level state), and in files that
 * define a workflow, imports of I/O modules. Code inside
 * `this.flow.sideEffect(() => …)` is exempt: its value is recorded.
 */
export const deterministicWorkflowRule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Workflow code must be deterministic: it is replayed from history on every decision task.',
      recommended: true,
    },
    schema: [],
    messages: DETERMINISM_MESSAGES,
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const classes: ESTree.Node[] = [];
    const findings: Finding[] = [];
    const imports: Finding[] = [];
    const add = (finding: Finding | undefined): void => {
      if (finding && !insideSideEffect(finding.node)) findings.push(finding);
    };
    return {
      'ClassDeclaration, ClassExpression'(node: ESTree.Node) {
        if (isWorkflowClass(node)) classes.push(node);
      },
      ImportDeclaration(node) {
        const finding = ioImport(node);
        if (finding) imports.push(finding);
      },
      CallExpression(node) {
        const required = ioRequire(node);
        if (required) imports.push(required);
        add(checkCall(sourceCode, node));
      },
      NewExpression(node) {
        add(checkNew(sourceCode, node));
      },
      AssignmentExpression(node) {
        add(moduleStateWrite(sourceCode, node.left, node));
      },
      UpdateExpression(node) {
        add(moduleStateWrite(sourceCode, node.argument, node));
      },
      'Program:exit'(program: ESTree.Program) {
        if (classes.length === 0) return;
        const regions = workflowRegions(context, program, classes);
        for (const finding of imports) context.report(finding);
        for (const finding of findings) if (isInside(finding.node, regions)) context.report(finding);
      },
    };
  },
};
