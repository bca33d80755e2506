export { functionsUsed, referencedNames, unsupportedFunctionsUsed, walkExpression } from './analyze.ts';
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
