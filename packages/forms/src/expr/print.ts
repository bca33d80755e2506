import type { ExprNode, PathNode, StepNode } from './ast.ts';
import { BINARY_PRECEDENCE, NEGATE_PRECEDENCE as NEGATE, PRIMARY_PRECEDENCE as PRIMARY } from './grammar.ts';
import { numberToString } from './values.ts';

function precedence(node: ExprNode): number {
  if (node.kind === 'binary') return BINARY_PRECEDENCE[node.op];
  if (node.kind === 'negate') return NEGATE;
  return PRIMARY;
}

/** XPath literals cannot escape quotes; text holding both kinds is spelled as a concat() of pieces. */
function quote(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  const pieces = value.split("'").map((piece) => `'${piece}'`);
  return `concat(${pieces.join(`, "'", `)})`;
}

/** A filter or path base must be a primary; anything else (including another filter) is parenthesised. */
function printBase(node: ExprNode, allowFilter: boolean): string {
  const primary =
    node.kind === 'number' || node.kind === 'string' || node.kind === 'ref' || node.kind === 'call';
  if (primary || (allowFilter && node.kind === 'filter')) return print(node, PRIMARY);
  return `(${print(node, 0)})`;
}

function printPredicates(predicates: ExprNode[]): string {
  return predicates.map((p) => `[${print(p, 0)}]`).join('');
}

function printStep(step: StepNode): string {
  const predicates = printPredicates(step.predicates);
  if (step.test === 'node()' && predicates === '') {
    if (step.axis === 'self') return '.';
    if (step.axis === 'parent') return '..';
  }
  if (step.axis === 'child') return `${step.test}${predicates}`;
  if (step.axis === 'attribute') return `@${step.test}${predicates}`;
  return `${step.axis}::${step.test}${predicates}`;
}

function printPath(node: PathNode): string {
  const steps = node.steps.map(printStep).join('/');
  if (node.base) return `${printBase(node.base, true)}/${steps}`;
  if (node.absolute) return steps === '' ? '(/)' : `/${steps}`;
  return steps;
}

function print(node: ExprNode, minPrecedence: number): string {
  let text: string;
  switch (node.kind) {
    case 'number':
      text = numberToString(node.value);
      break;
    case 'string':
      text = quote(node.value);
      break;
    case 'ref':
      text = node.lastSaved ? `\${last-saved#${node.name}}` : `\${${node.name}}`;
      break;
    case 'negate':
      text = `-${print(node.operand, NEGATE)}`;
      break;
    case 'binary': {
      const p = BINARY_PRECEDENCE[node.op];
      text = `${print(node.left, p)} ${node.op} ${print(node.right, p + 1)}`;
      break;
    }
    case 'call':
      text = `${node.name}(${node.args.map((a) => print(a, 0)).join(', ')})`;
      break;
    case 'filter':
      text = `${printBase(node.base, false)}${printPredicates(node.predicates)}`;
      break;
    case 'path':
      text = printPath(node);
      break;
  }
  return precedence(node) < minPrecedence ? `(${text})` : text;
}

/** Canonical source text of an AST; parsing it gives the same tree (offsets aside). */
export function printExpression(node: ExprNode): string {
  return print(node, 0);
}
