import type { ExprNode } from '../ast.ts';
import { eager, type FunctionImpl } from '../context.ts';
import { ExpressionError } from '../errors.ts';
import { toNumber, toStringValue, type Value } from '../values.ts';

function flatten(values: Value[], into: Value[] = []): Value[] {
  for (const v of values) {
    if (Array.isArray(v)) flatten(v, into);
    else into.push(v);
  }
  return into;
}

/** The field name a reference argument points at: `${name}` or the last step of a path. */
function referenceName(node: ExprNode | undefined, what: string): string {
  if (node?.kind === 'ref') return node.name;
  if (node?.kind === 'path' && node.steps.length > 0) return node.steps[node.steps.length - 1]!.test;
  throw new ExpressionError(
    'expr.invalid_argument',
    `${what} must be a \${field} reference`,
    node?.start ?? 0,
  );
}

/** `..` steps of position(..): how far up from the current field the repeat instance is. */
function levelsUp(node: ExprNode | undefined): number {
  if (!node) return 0;
  if (node.kind === 'path' && !node.absolute && node.base === null) {
    let levels = 0;
    for (const step of node.steps) {
      if (step.predicates.length > 0 || step.test !== 'node()') break;
      if (step.axis === 'parent') levels++;
      else if (step.axis !== 'self') break;
    }
    return levels;
  }
  throw new ExpressionError(
    'expr.invalid_argument',
    "position() expects a relative path such as '..'",
    node.start,
  );
}

/** JavaRosa's max()/min(): values that are not numbers are skipped; nothing left gives NaN. */
function extreme(pick: (a: number, b: number) => number): FunctionImpl {
  return eager((values) => {
    const numbers = flatten(values)
      .map(toNumber)
      .filter((n) => !Number.isNaN(n));
    return numbers.length === 0 ? Number.NaN : numbers.reduce((a, b) => pick(a, b));
  });
}

function randomToken(length: number): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export const REPEAT_FUNCTIONS: Record<string, FunctionImpl> = {
  // JavaRosa skips values that are not numbers (blank answers), so sum() of a half-filled repeat works.
  sum: eager((values) =>
    flatten(values).reduce<number>((total, v) => {
      const n = toNumber(v);
      return Number.isNaN(n) ? total : total + n;
    }, 0),
  ),
  // A single (non-repeated) node counts as one.
  count: eager((values) => (Array.isArray(values[0]) ? values[0].length : 1)),
  max: extreme(Math.max),
  min: extreme(Math.min),
  position: (args, scope) => {
    if (!scope.ctx.position) {
      throw new ExpressionError(
        'expr.unsupported_path',
        'position() needs a repeat context',
        scope.call.start,
      );
    }
    return scope.ctx.position(levelsUp(args[0]));
  },
  'indexed-repeat': (args, scope) => {
    const name = referenceName(args[0], 'indexed-repeat() first argument');
    if (args.length % 2 === 0) {
      throw new ExpressionError(
        'expr.wrong_argument_count',
        'indexed-repeat() takes a field then (repeat, index) pairs',
        scope.call.start,
      );
    }
    const repeats: { repeat: string; index: number }[] = [];
    for (let i = 1; i < args.length; i += 2) {
      const repeat = referenceName(args[i], 'indexed-repeat() repeat argument');
      repeats.push({ repeat, index: toNumber(scope.evaluate(args[i + 1]!)) });
    }
    if (!scope.ctx.indexedRepeat) {
      throw new ExpressionError(
        'expr.unsupported_path',
        'indexed-repeat() needs a form context',
        scope.call.start,
      );
    }
    return scope.ctx.indexedRepeat(name, repeats);
  },
  once: (args, scope) => {
    const compute = (): Value => scope.evaluate(args[0]!);
    if (scope.ctx.once) return scope.ctx.once(compute);
    const current = scope.ctx.currentValue?.() ?? '';
    return toStringValue(current) !== '' ? current : compute();
  },
  uuid: (args, scope) => {
    if (args.length > 0) {
      const length = toNumber(scope.evaluate(args[0]!));
      if (Number.isInteger(length) && length > 0 && length <= 4096) return randomToken(length);
      throw new ExpressionError(
        'expr.invalid_argument',
        'uuid() length must be a positive integer',
        args[0]!.start,
      );
    }
    return scope.ctx.uuid?.() ?? globalThis.crypto.randomUUID();
  },
};
