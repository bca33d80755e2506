/**
 * The XLSForm expression language (ODK XForms XPath as XLSForm writes it): a hand-written tokenizer
 * and recursive-descent parser (no eval, no new Function), a printer, and an interpreter with the ODK
 * function library. Semantics follow JavaRosa's source where it is explicit: '' for unanswered,
 * number('') = NaN, XPath 1.0 comparisons (existential over repeat node-sets), lazy if() and
 * short-circuit and/or, round() ties toward +infinity, sum()/max()/min() skip blanks, regex() must
 * match the whole value, dates are ISO strings that count as whole days in arithmetic.
 */
export {
  functionsUsed,
  lastSavedNames,
  referencedNames,
  unsupportedFunctionsUsed,
  walkExpression,
} from './analyze.ts';
export type {
  Axis,
  BinaryNode,
  BinaryOperator,
  CallNode,
  ExprNode,
  FilterNode,
  NegateNode,
  NumberNode,
  PathNode,
  RefNode,
  StepNode,
  StringNode,
} from './ast.ts';
export { KNOWN_UNSUPPORTED_FUNCTIONS, SUPPORTED_FUNCTIONS } from './catalog.ts';
export type { EvalContext } from './context.ts';
export { ExpressionError, type ExpressionErrorCode } from './errors.ts';
export { evaluate } from './evaluate.ts';
export { parseExpression } from './parse.ts';
export { printExpression } from './print.ts';
export { compareValues, numberToString, toBoolean, toNumber, toStringValue, type Value } from './values.ts';
