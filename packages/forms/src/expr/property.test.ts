import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Axis, BinaryOperator, ExprNode, StepNode } from './ast.ts';
import { functionArity } from './catalog.ts';
import { ExpressionError } from './errors.ts';
import { parseExpression } from './parse.ts';
import { printExpression } from './print.ts';
import { run } from './test-helpers.ts';

const at = { start: 0, end: 0 };
const OPERATORS: BinaryOperator[] = [
  'or',
  'and',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  'div',
  'mod',
  '|',
];
const AXES: Axis[] = ['child', 'self', 'parent', 'attribute', 'descendant', 'descendant-or-self', 'ancestor'];
const CALLABLE = [
  'concat',
  'if',
  'selected',
  'round',
  'true',
  'string-length',
  'sum',
  'jr:choice-name',
  'pulldata',
];

/** Drops offsets so trees from different source texts compare equal. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'start' && key !== 'end')
        .map(([key, v]) => [key, shape(v)]),
    );
  }
  return value;
}

const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/);

const { expr } = fc.letrec<{ expr: ExprNode; step: StepNode }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .oneof(fc.nat(), fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }))
      .map((value): ExprNode => ({ kind: 'number', value: Object.is(value, -0) ? 0 : value, ...at })),
    fc
      .string()
      .filter((s) => !(s.includes("'") && s.includes('"')))
      .map((value): ExprNode => ({ kind: 'string', value, ...at })),
    name.map((n): ExprNode => ({ kind: 'ref', name: n, ...at })),
    fc
      .record({ op: fc.constantFrom(...OPERATORS), left: tie('expr'), right: tie('expr') })
      .map((r): ExprNode => ({ kind: 'binary', ...r, ...at })),
    tie('expr').map((operand): ExprNode => ({ kind: 'negate', operand, ...at })),
    fc
      .constantFrom(...CALLABLE)
      .chain((fn) => {
        const [min, max] = functionArity(fn) ?? [0, 3];
        return fc.record({
          name: fc.constant(fn),
          args: fc.array(tie('expr'), { minLength: min, maxLength: Math.min(max, min + 2) }),
        });
      })
      .map((r): ExprNode => ({ kind: 'call', ...r, ...at })),
    fc
      .record({ base: tie('expr'), predicates: fc.array(tie('expr'), { minLength: 1, maxLength: 2 }) })
      .map((r): ExprNode => ({ kind: 'filter', ...r, ...at })),
    fc
      .record({
        absolute: fc.boolean(),
        base: fc.option(tie('expr'), { nil: null }),
        steps: fc.array(tie('step'), { minLength: 1, maxLength: 3 }),
      })
      .map((r): ExprNode => ({ kind: 'path', ...r, absolute: r.base === null && r.absolute, ...at })),
  ),
  step: fc
    .record({
      axis: fc.constantFrom(...AXES),
      test: fc.oneof(name, fc.constantFrom('*', 'node()', 'text()')),
      predicates: fc.array(tie('expr'), { maxLength: 1 }),
    })
    .map((r): StepNode => ({ kind: 'step', ...r, ...at })),
}));

describe('parser properties', () => {
  it('printing an AST and parsing it again gives the same AST', () => {
    fc.assert(
      fc.property(expr, (node) => {
        expect(shape(parseExpression(printExpression(node)))).toEqual(shape(node));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('every node span is source text that parses to that node', () => {
    fc.assert(
      fc.property(expr, (node) => {
        const text = printExpression(node);
        const parsed = parseExpression(text);
        const children =
          parsed.kind === 'binary' ? [parsed.left, parsed.right] : parsed.kind === 'call' ? parsed.args : [];
        for (const child of [parsed, ...children]) {
          expect(shape(parseExpression(text.slice(child.start, child.end)))).toEqual(shape(child));
        }
      }),
      { numRuns: 500 },
    );
  });

  const soup = fc
    .array(
      fc.constantFrom(
        '(',
        ')',
        '[',
        ']',
        '${a}',
        "'x'",
        '"y"',
        '1',
        '2.5',
        '.',
        '..',
        '/',
        '//',
        '@',
        '::',
        'div',
        'and',
        'or',
        '*',
        '-',
        '+',
        '=',
        '!=',
        '<',
        '>=',
        '|',
        ',',
        ' ',
        'if',
        'concat',
        'a',
        'child',
        'node',
        '()',
        '${',
        '}',
        '$',
        "'",
        '"',
        'jr:',
        'x:*',
        '#',
        '\u00e9',
        'instance',
        'position',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it('throws nothing but ExpressionError, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), soup), (text) => {
        try {
          const node = parseExpression(text);
          expect(node.start).toBeGreaterThanOrEqual(0);
          expect(node.end).toBeLessThanOrEqual(text.length);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionError);
          const { position } = error as ExpressionError;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 3000 },
    );
  }, 60_000);
});

/** Arithmetic and logic over numbers, with an independent reference implementation. */
type Arith = { text: string; value: number | boolean };

const num = (v: number | boolean): number => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
// JavaRosa (and so the engine) reads rounding noise, |n| <= 1e-12, as false: `1 mod (1 div 6)` is 5.6e-17.
const bool = (v: number | boolean): boolean => (typeof v === 'boolean' ? v : Math.abs(v) > 1e-12);

const { arith } = fc.letrec<{ arith: Arith }>((tie) => ({
  arith: fc.oneof(
    { depthSize: 'small' },
    fc.integer({ min: 0, max: 1000 }).map((n): Arith => ({ text: String(n), value: n })),
    fc.constantFrom<Arith>({ text: '2.5', value: 2.5 }, { text: '0.1', value: 0.1 }),
    fc
      .tuple(
        fc.constantFrom('+', '-', '*', 'div', 'mod', '<', '<=', '>', '>=', '=', '!=', 'and', 'or'),
        tie('arith'),
        tie('arith'),
      )
      .map(([op, a, b]): Arith => {
        const x = num(a.value);
        const y = num(b.value);
        const values: Record<string, number | boolean> = {
          '+': x + y,
          '-': x - y,
          '*': x * y,
          div: x / y,
          mod: x % y,
          '<': x < y,
          '<=': x <= y,
          '>': x > y,
          '>=': x >= y,
          and: bool(a.value) && bool(b.value),
          or: bool(a.value) || bool(b.value),
        };
        // = and != compare as booleans when either side is boolean (XPath 1.0 §3.4).
        const asBool = typeof a.value === 'boolean' || typeof b.value === 'boolean';
        values['='] = asBool ? bool(a.value) === bool(b.value) : x === y;
        values['!='] = asBool ? bool(a.value) !== bool(b.value) : x !== y;
        return { text: `(${a.text}) ${op} (${b.text})`, value: values[op]! };
      }),
    tie('arith').map((a): Arith => ({ text: `-(${a.text})`, value: -num(a.value) })),
    fc.tuple(tie('arith'), tie('arith'), tie('arith')).map(
      ([c, a, b]): Arith => ({
        text: `if(${c.text}, ${a.text}, ${b.text})`,
        value: bool(c.value) ? a.value : b.value,
      }),
    ),
  ),
}));

describe('evaluation properties', () => {
  it('reads rounding noise as false, as JavaRosa does (found by seed 1339227879)', () => {
    expect(run('(1) mod ((1) div (6))')).toBeCloseTo(0, 15);
    expect(run('if((1) mod ((1) div (6)), 5, 1)')).toBe(1);
    expect(run('if(-(if((1) mod ((1) div (6)), (if(-(0), 0, 0)) = (1), 1)), 2.5, if(0, 0, 0))')).toBe(2.5);
    expect(run('if(0.000001, 5, 1)')).toBe(5);
  });

  it('random arithmetic matches a reference evaluator', () => {
    fc.assert(
      fc.property(arith, ({ text, value }) => {
        expect(Object.is(run(text), value) || run(text) === value).toBe(true);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);
});
