export { Answers, type AnswerValue } from './answers.ts';
export { type CheckedQuestion, type CheckResult, checkXlsForm, formIdFromFileName } from './check.ts';
export { expandLoops } from './loops.ts';
export * from './model.ts';
export {
  because,
  coded,
  describeProblem,
  IMPORT_PROBLEMS,
  type ImportProblemCode,
  type Problem,
} from './problems.ts';
export { generateXForm, type XFormOptions } from './xform/index.ts';
export { el as xmlElement, serialize as serializeXml, type XmlNode } from './xform/xml.ts';
export { DEFAULT_LIMITS, type SizeLimits } from './xlsform/container.ts';
export { entityPlacements } from './xlsform/entity-rules.ts';
export { exportXlsForm } from './xlsform/export.ts';
export { type ImportOptions, type ImportResult, importXlsForm } from './xlsform/import.ts';
