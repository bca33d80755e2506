import type { BinaryNode, CallNode, ExprNode, FilterNode, PathNode } from './ast.ts';
import { SUPPORTED_FUNCTIONS } from './catalog.ts';
import type { CallScope, EvalContext, FunctionImpl } from './context.ts';
import { ExpressionError } from './errors.ts';
import { DATE_FUNCTIONS } from './functions/dates.ts';
import { NUMBER_FUNCTIONS } from './functions/numbers.ts';
import { REPEAT_FUNCTIONS } from './functions/repeats.ts';
import { SELECT_FUNCTIONS } from './functions/selects.ts';
import { STRING_FUNCTIONS } from './functions/strings.ts';
import { compareValues, toBoolean, toNumber, type Value } from './values.ts';

const FUNCTIONS: Record<string, FunctionImpl> = {
  // if() is lazy: only the chosen branch is evaluated.
  if: (args, scope) => scope.evaluate(toBoolean(scope.evaluate(args[0]!)) ? args[1]! : args[2]!),
  ...STRING_FUNCTIONS,
  ...NUMBER_FUNCTIONS,
  ...SELECT_FUNCTIONS,
  ...REPEAT_FUNCTIONS,
  ...DATE_FUNCTIONS,
};

function evaluateBinary(node: BinaryNode, ctx: EvalContext): Value {
  const { op } = node;
  if (op === 'and') return toBoolean(evaluate(node.left, ctx)) && toBoolean(evaluate(node.right, ctx));
  if (op === 'or') return toBoolean(evaluate(node.left, ctx)) || toBoolean(evaluate(node.right, ctx));
  const left = evaluate(node.left, ctx);
  const right = evaluate(node.right, ctx);
  switch (op) {
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compareValues(op, left, right);
    case '|':
      return [...(Array.isArray(left) ? left : [left]), ...(Array.isArray(right) ? right : [right])];
    case '+':
      return toNumber(left) + toNumber(right);
    case '-':
      return toNumber(left) - toNumber(right);
    case '*':
      return toNumber(left) * toNumber(right);
    case 'div':
      return toNumber(left) / toNumber(right);
    case 'mod':
      return toNumber(left) % toNumber(right);
  }
}

function evaluateCall(node: CallNode, ctx: EvalContext): Value {
  const impl = SUPPORTED_FUNCTIONS.has(node.name) ? FUNCTIONS[node.name] : undefined;
  if (!impl) {
    throw new ExpressionError(
      'expr.unsupported_function',
      `function '${node.name}' is known but not supported`,
      node.start,
    );
  }
  const scope: CallScope = { ctx, call: node, evaluate: (arg, inner) => evaluate(arg, inner ?? ctx) };
  return impl(node.args, scope);
}

/** Predicates on a node-set: a number keeps that 1-based position, anything else is a test with `.` = item. */
function evaluateFilter(node: FilterNode, ctx: EvalContext): Value {
  let items = evaluate(node.base, ctx);
  if (!Array.isArray(items)) items = [items];
  for (const predicate of node.predicates) {
    items = items.filter((item, index) => {
      const result = evaluate(predicate, { ...ctx, currentValue: () => item });
      return typeof result === 'number' ? result === index + 1 : toBoolean(result);
    });
  }
  return items;
}

function isCurrentNode(node: PathNode): boolean {
  return (
    !node.absolute &&
    node.base === null &&
    node.steps.every((s) => s.axis === 'self' && s.test === 'node()' && s.predicates.length === 0)
  );
}

function evaluatePath(node: PathNode, ctx: EvalContext): Value {
  if (isCurrentNode(node) && ctx.currentValue) return ctx.currentValue();
  if (node.base) evaluate(node.base, ctx); // surfaces instance()/pulldata() as unsupported
  if (ctx.resolvePath) return ctx.resolvePath(node);
  throw new ExpressionError(
    'expr.unsupported_path',
    'this location path cannot be evaluated here',
    node.start,
  );
}

export function evaluate(node: ExprNode, ctx: EvalContext): Value {
  switch (node.kind) {
    case 'number':
    case 'string':
      return node.value;
    case 'ref':
      // Without a last saved record (the first submission on a device) it reads as unanswered.
      return node.lastSaved ? (ctx.resolveLastSaved?.(node.name) ?? '') : ctx.resolve(node.name);
    case 'negate':
      return -toNumber(evaluate(node.operand, ctx));
    case 'binary':
      return evaluateBinary(node, ctx);
    case 'call':
      return evaluateCall(node, ctx);
    case 'filter':
      return evaluateFilter(node, ctx);
    case 'path':
      return evaluatePath(node, ctx);
  }
}
