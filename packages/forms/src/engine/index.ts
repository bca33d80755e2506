/**
 * A headless form: fields in, answers/relevance/required/constraints and submission JSON out, for the
 * renderer and for server validation. A static dependency graph orders fields once; a change
 * re-evaluates only the field instances that read it (same repeat instance inside a repeat, the whole
 * node-set outside). Non-relevant fields read as '' and are left out of answers() but keep their
 * value, so it comes back if they become relevant again.
 */
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
