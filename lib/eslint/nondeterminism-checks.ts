import type { Rule, SourceCode } from 'eslint';
import type * as ESTree from 'estree';
import type { DeterminismMessageId } from './determinism-messages';
import { resolveVariable } from './workflow-regions';

/** One finding: which message, where, and the words it fills in. */
export interface Finding {
  readonly node: ESTree.Node;
  readonly messageId: DeterminismMessageId;
  readonly data: Record<string, string>;
}

const RANDOM_CRYPTO = new Set(['randomUUID', 'randomBytes', 'randomInt', 'getRandomValues', 'randomFillSync', 'randomFill']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);
const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'set', 'add', 'delete', 'clear']);
const CRYPTO_MODULE = /^(node:)?crypto$/;
const TIMERS_MODULE = /^(node:)?timers(\/promises)?$/;
const PERF_MODULE = /^(node:)?perf_hooks$/;

/** Node and AWS SDK modules that do I/O: a file that defines a workflow must not import them (types are fine). */
export const IO_MODULES = /^(node:)?(fs|fs\/promises|http|https|http2|net|tls|dgram|child_process)$/;
export const AWS_SDK_CLIENTS = /^@aws-sdk\/client-/;

/** Where an identifier comes from: a global (nothing declared it), an import (module and imported name), or local code. */
type Origin = { kind: 'global' } | { kind: 'import'; module: string; imported: string } | { kind: 'local'; moduleLevel: boolean };

function originOf(sourceCode: SourceCode, node: ESTree.Identifier): Origin {
  const variable = resolveVariable(sourceCode, node);
  if (!variable || variable.defs.length === 0) return { kind: 'global' };
  const def = variable.defs[0];
  if (def.type === 'ImportBinding') {
    const spec = def.node as ESTree.ImportSpecifier | ESTree.ImportDefaultSpecifier | ESTree.ImportNamespaceSpecifier;
    const declaration = def.parent as ESTree.ImportDeclaration;
    const imported = spec.type === 'ImportSpecifier' ? nameOf(spec.imported) : '*';
    return { kind: 'import', module: String(declaration.source.value), imported };
  }
  const moduleLevel = def.type === 'Variable' && (variable.scope.type === 'module' || variable.scope.type === 'global');
  return { kind: 'local', moduleLevel };
}

function nameOf(node: ESTree.Node): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Literal') return String(node.value);
  return '';
}

/** `a.b` with a plain (or string-literal) property: the object's identifier and the property's name. */
function memberParts(node: ESTree.Node): { object: ESTree.Identifier; property: string } | undefined {
  if (node.type !== 'MemberExpression' || node.object.type !== 'Identifier') return undefined;
  if (node.computed && node.property.type !== 'Literal') return undefined;
  return { object: node.object, property: nameOf(node.property) };
}

/** Whether `object` is the global (or `import`ed) namespace `name`: `Date`, `Math`, `crypto`, `performance`. */
function isNamespace(sourceCode: SourceCode, object: ESTree.Identifier, name: string, module?: RegExp): boolean {
  const origin = originOf(sourceCode, object);
  if (origin.kind === 'global') return object.name === name;
  return (
    origin.kind === 'import' && module !== undefined && module.test(origin.module) && (origin.imported === '*' || origin.imported === name)
  );
}

export function checkCall(sourceCode: SourceCode, node: ESTree.CallExpression): Finding | undefined {
  const callee = node.callee;
  const member = memberParts(callee);
  if (member) {
    const { object, property } = member;
    const what = `${object.name}.${property}()`;
    if (property === 'now' && isNamespace(sourceCode, object, 'Date')) return { node, messageId: 'clock', data: { what } };
    if (property === 'now' && isNamespace(sourceCode, object, 'performance', PERF_MODULE))
      return { node, messageId: 'clock', data: { what } };
    if (property === 'random' && isNamespace(sourceCode, object, 'Math')) return { node, messageId: 'random', data: { what } };
    if ((property === 'hrtime' || property === 'uptime') && isNamespace(sourceCode, object, 'process'))
      return { node, messageId: 'clock', data: { what } };
    if (RANDOM_CRYPTO.has(property) && isNamespace(sourceCode, object, 'crypto', CRYPTO_MODULE))
      return { node, messageId: 'random', data: { what } };
    if (MUTATORS.has(property)) return moduleStateWrite(sourceCode, callee, node);
    return undefined;
  }
  if (callee.type !== 'Identifier') return undefined;
  const origin = originOf(sourceCode, callee);
  const what = `${callee.name}()`;
  if (origin.kind === 'global') {
    // `Date()` called without `new` is the current time as a string.
    if (callee.name === 'Date') return { node, messageId: 'clock', data: { what } };
    if (TIMERS.has(callee.name)) return { node, messageId: 'timer', data: { what } };
    if (callee.name === 'fetch') return { node, messageId: 'io', data: { what } };
  }
  if (origin.kind === 'import') {
    if (TIMERS_MODULE.test(origin.module) && TIMERS.has(origin.imported)) return { node, messageId: 'timer', data: { what } };
    if (CRYPTO_MODULE.test(origin.module) && RANDOM_CRYPTO.has(origin.imported)) return { node, messageId: 'random', data: { what } };
  }
  return undefined;
}

export function checkNew(sourceCode: SourceCode, node: ESTree.NewExpression): Finding | undefined {
  if (node.callee.type !== 'Identifier' || node.arguments.length > 0) return undefined;
  if (!isNamespace(sourceCode, node.callee, 'Date')) return undefined;
  return { node, messageId: 'clock', data: { what: 'new Date()' } };
}

/** `x = …`, `x.y = …`, `x++`, `x.list.push(…)`: a write whose target is rooted in a module-level variable. */
export function moduleStateWrite(sourceCode: SourceCode, target: ESTree.Node, node: ESTree.Node = target): Finding | undefined {
  let root: ESTree.Node = target;
  while (root.type === 'MemberExpression') root = root.object;
  if (root.type !== 'Identifier') return undefined;
  const origin = originOf(sourceCode, root);
  if (origin.kind !== 'local' || !origin.moduleLevel) return undefined;
  return { node, messageId: 'moduleState', data: { name: root.name } };
}

/** Whether `node` runs inside the callback given to `….sideEffect(…)`, where nondeterminism is recorded and so allowed. */
export function insideSideEffect(node: ESTree.Node): boolean {
  for (let at = node as Rule.Node | null; at; at = at.parent) {
    const parent = at.parent;
    if (
      (at.type === 'ArrowFunctionExpression' || at.type === 'FunctionExpression') &&
      parent?.type === 'CallExpression' &&
      parent.arguments.includes(at) &&
      parent.callee.type === 'MemberExpression' &&
      nameOf(parent.callee.property) === 'sideEffect'
    )
      return true;
  }
  return false;
}
