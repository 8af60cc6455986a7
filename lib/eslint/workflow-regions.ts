import type { Rule, Scope, SourceCode } from 'eslint';
import type * as ESTree from 'estree';

/** An ESTree node as the TypeScript parser gives it: classes may carry decorators. */
type MaybeDecorated = ESTree.Node & { decorators?: { expression: ESTree.Node }[] };

/** The variable an identifier refers to, looked up from its own scope outwards. */
export function resolveVariable(sourceCode: SourceCode, node: ESTree.Identifier): Scope.Variable | undefined {
  for (let scope: Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (variable) return variable;
  }
  return undefined;
}

/** `@Workflow(...)`, `@tsflow.Workflow(...)` or a bare `@Workflow`. */
export function isWorkflowClass(node: ESTree.Node): boolean {
  const decorators = (node as MaybeDecorated).decorators ?? [];
  return decorators.some(({ expression }) => {
    const callee = expression.type === 'CallExpression' ? expression.callee : expression;
    if (callee.type === 'Identifier') return callee.name === 'Workflow';
    return callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.property.name === 'Workflow';
  });
}

type FunctionNode = ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;

/** Functions declared at the top of the module, by the declaration node their variable points at. */
function moduleFunctions(program: ESTree.Program): Map<ESTree.Node, FunctionNode> {
  const found = new Map<ESTree.Node, FunctionNode>();
  for (const statement of program.body) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'FunctionDeclaration') found.set(declaration as ESTree.Node, declaration as FunctionNode);
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const init = declarator.init;
        if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) found.set(declarator, init);
      }
    }
  }
  return found;
}

/**
 * The code that runs as workflow code: each `@Workflow` class, and every
 * function of the same module that such code refers to, transitively (called,
 * or passed on as a callback). Code elsewhere in the file (activities, helpers
 * no workflow uses) is left alone.
 */
export function workflowRegions(context: Rule.RuleContext, program: ESTree.Program, classes: readonly ESTree.Node[]): Set<ESTree.Node> {
  const sourceCode = context.sourceCode;
  const functions = moduleFunctions(program);
  const regions = new Set<ESTree.Node>(classes);
  const pending: ESTree.Node[] = [...classes];
  while (pending.length > 0) {
    walk(sourceCode, pending.pop()!, (node) => {
      if (node.type !== 'Identifier') return;
      const definition = resolveVariable(sourceCode, node)?.defs[0]?.node as ESTree.Node | undefined;
      const fn = definition && functions.get(definition);
      if (fn && !regions.has(fn)) {
        regions.add(fn);
        pending.push(fn);
      }
    });
  }
  return regions;
}

/** Whether `node` lies inside one of `regions`. */
export function isInside(node: ESTree.Node, regions: ReadonlySet<ESTree.Node>): boolean {
  for (let at: ESTree.Node | undefined = node; at; at = (at as Rule.Node).parent as ESTree.Node | undefined) {
    if (regions.has(at)) return true;
  }
  return false;
}

function walk(sourceCode: SourceCode, node: ESTree.Node, visit: (node: ESTree.Node) => void): void {
  visit(node);
  for (const key of sourceCode.visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    const children = Array.isArray(child) ? child : [child];
    for (const c of children) if (c && typeof (c as ESTree.Node).type === 'string') walk(sourceCode, c as ESTree.Node, visit);
  }
}
