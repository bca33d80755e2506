export type { EngineOptions } from './context.ts';
export {
  type EngineField,
  type ExpressionColumn,
  FormEngineError,
  isDynamicDefault,
} from './fields.ts';
export {
  type AnswerTree,
  createFormEngine,
  type EngineExpressionError,
  type FormEngine,
  type ValidationProblem,
} from './form-engine.ts';
export { findCycle } from './graph.ts';
