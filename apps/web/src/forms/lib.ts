// The browser-safe parts of packages/forms. Its index also exports the XLSForm importer, which
// pulls exceljs (~1 MB): spreadsheets are read on the server, so the web app imports the engine
// and the expression parser straight from their folders, and the model as types only (its zod
// schemas would add ~60 KB for nothing the renderer needs).
export {
  createFormEngine,
  type EngineField,
  type FormEngine,
  FormEngineError,
  type ValidationProblem,
} from '../../../../packages/forms/src/engine/index.ts';
export {
  ExpressionError,
  parseExpression,
  referencedNames,
} from '../../../../packages/forms/src/expr/index.ts';
export type {
  Choice,
  Form,
  Question,
  Section,
  Settings,
  SurveyItem,
  Translated,
} from '../../../../packages/forms/src/model.ts';
