// Submissions as the server and the phone both read them: the form's fields and the validation.
// Zod-free and exceljs-free, so the web app can import it (`@coproduce/forms/submission`).
export type { AnswerTree } from '../engine/index.ts';
export { expandLoops } from '../loops.ts';
export {
  buildTree,
  engineFields,
  isShown,
  METADATA_TYPES,
  OTHER,
  type QuestionNode,
  type RenderNode,
  type SectionNode,
} from './fields.ts';
export {
  type CompiledForm,
  compileForm,
  flagsSubmission,
  type SubmissionIssue,
  validateAnswers,
} from './validate.ts';
export { checkValue, type ValueCheck } from './values.ts';
