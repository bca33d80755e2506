import type { ExprNode } from './ast.ts';
import { KNOWN_UNSUPPORTED_FUNCTIONS } from './catalog.ts';

/** Calls `visit` on every expression node in source order. */
export function walkExpression(node: ExprNode, visit: (node: ExprNode) => void): void {
  visit(node);
  switch (node.kind) {
    case 'binary':
      walkExpression(node.left, visit);
      walkExpression(node.right, visit);
      break;
    case 'negate':
      walkExpression(node.operand, visit);
      break;
    case 'call':
      for (const arg of node.args) walkExpression(arg, visit);
      break;
    case 'filter':
      walkExpression(node.base, visit);
      for (const p of node.predicates) walkExpression(p, visit);
      break;
    case 'path':
      if (node.base) walkExpression(node.base, visit);
      for (const step of node.steps) for (const p of step.predicates) walkExpression(p, visit);
      break;
    default:
      break;
  }
}

/**
 * The `${name}` references, in order of appearance, without duplicates. `${last-saved#name}`
 * reads another record, so it is no dependency of this one: listed by `lastSavedNames`.
 */
export function referencedNames(node: ExprNode): string[] {
  const names = new Set<string>();
  walkExpression(node, (n) => {
    if (n.kind === 'ref' && !n.lastSaved) names.add(n.name);
  });
  return [...names];
}

/** The names read from the last saved record (`${last-saved#name}`). */
export function lastSavedNames(node: ExprNode): string[] {
  const names = new Set<string>();
  walkExpression(node, (n) => {
    if (n.kind === 'ref' && n.lastSaved) names.add(n.name);
  });
  return [...names];
}

/** Function names as written (e.g. 'jr:choice-name'), in order of appearance, without duplicates. */
export function functionsUsed(node: ExprNode): string[] {
  const names = new Set<string>();
  walkExpression(node, (n) => {
    if (n.kind === 'call') names.add(n.name);
  });
  return [...names];
}

/** Functions the importer should keep but warn about: they parse but cannot be evaluated here. */
export function unsupportedFunctionsUsed(node: ExprNode): string[] {
  return functionsUsed(node).filter((name) => KNOWN_UNSUPPORTED_FUNCTIONS.has(name));
}
