import type { Axis, BinaryOperator } from './ast.ts';
import type { Token } from './tokenize.ts';

export const AXES: ReadonlySet<string> = new Set<Axis>([
  'child',
  'self',
  'parent',
  'attribute',
  'descendant',
  'descendant-or-self',
  'ancestor',
  'ancestor-or-self',
  'following',
  'following-sibling',
  'preceding',
  'preceding-sibling',
  'namespace',
]);

/** Binary precedence levels, loosest first; each level is left-associative. */
export const LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['or'],
  ['and'],
  ['=', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', 'div', 'mod'],
];

export function describeToken(token: Token): string {
  if (token.kind === 'eof') return 'end of expression';
  if (token.kind === 'string') return 'string';
  if (token.kind === 'ref') return `'\${${token.value}}'`;
  return `'${token.value}'`;
}

/** Binding strength of each binary operator for the printer: higher binds tighter. */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  ...Object.fromEntries(LEVELS.flatMap((ops, level) => ops.map((op) => [op, level + 1]))),
  '|': 8,
} as Record<BinaryOperator, number>;
export const NEGATE_PRECEDENCE = 7;
export const PRIMARY_PRECEDENCE = 9;
