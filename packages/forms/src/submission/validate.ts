// Server-side validation of a submission with the same engine the phone ran: types, choices,
// unknown fields, relevance, required and constraints. Nothing here drops data: it only says what
// is wrong, so an invalid submission is stored and flagged "needs attention" with these reasons.
import { type AnswerTree, createFormEngine, type FormEngine } from '../engine/index.ts';
import { expandLoops } from '../loops.ts';
import type { Choice, Form } from '../model.ts';
import { buildTree, engineFields, type RenderNode } from './fields.ts';
import { checkValue, choiceNames } from './values.ts';

export interface SubmissionIssue {
  path: string;
  repeatIndexes: number[];
  code: 'required' | 'constraint' | 'type' | 'choice' | 'unknown_field' | 'not_relevant';
  message: string;
  params?: Record<string, string | number>;
}

/** Issues that flag a submission; an answer to a question that was not asked is only noted. */
export const flagsSubmission = (issue: SubmissionIssue) => issue.code !== 'not_relevant';

interface FieldShape {
  kind: 'group' | 'repeat' | 'leaf';
  type: string;
  /** The names an answer may take (null: any). */
  names: ReadonlySet<string> | null;
}

/** A form ready to validate many submissions: its engine is built once and reloaded per submission. */
export interface CompiledForm {
  form: Form;
  engine: FormEngine;
  fields: Map<string, FieldShape>;
}

const fromList = (form: Form, type: string, list: string | undefined): Choice[] | null => {
  // Lists from a file or from earlier answers are not known here: any name is accepted.
  if (!list || type.endsWith('_from_file') || list.startsWith('${')) return null;
  return form.choices[list] ?? null;
};

function shapes(form: Form, nodes: RenderNode[], out: Map<string, FieldShape>) {
  for (const node of nodes) {
    if (node.kind === 'question') {
      const item = node.item;
      const names = choiceNames(fromList(form, item.type, item.list));
      // `or_other` adds the choice "other" to the list the answer may come from.
      if (node.otherPath) {
        names?.add('other');
        out.set(node.otherPath, { kind: 'leaf', type: 'text', names: null });
      }
      out.set(node.path, { kind: 'leaf', type: item.type, names });
    } else {
      out.set(node.path, { kind: node.kind, type: node.kind, names: null });
      shapes(form, node.children, out);
    }
  }
}

export function compileForm(model: Form): CompiledForm {
  const form = expandLoops(model);
  const tree = buildTree(form.survey);
  const fields = new Map<string, FieldShape>();
  shapes(form, tree, fields);
  return { form, engine: createFormEngine(engineFields(tree)), fields };
}

const isTree = (value: unknown): value is AnswerTree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with one submission's answers (an empty list when nothing is). */
export function validateAnswers(compiled: CompiledForm, answers: AnswerTree): SubmissionIssue[] {
  const issues: SubmissionIssue[] = [];
  const { engine, fields } = compiled;
  engine.loadAnswers(answers);
  const walk = (tree: AnswerTree, parent: string, indexes: number[]) => {
    for (const [name, value] of Object.entries(tree)) {
      const path = `${parent}/${name}`;
      const shape = fields.get(path);
      const at = { path, repeatIndexes: indexes };
      if (!shape) {
        // The form's own metadata group (instanceID, instanceName…) is not a question.
        if (path === '/meta' || path.startsWith('/meta/')) continue;
        issues.push({ ...at, code: 'unknown_field', message: 'this form has no such question' });
        continue;
      }
      if (shape.kind === 'group') {
        if (isTree(value)) walk(value, path, indexes);
        else
          issues.push({
            ...at,
            code: 'type',
            message: 'a group of answers was expected',
            params: { expected: 'group' },
          });
      } else if (shape.kind === 'repeat') {
        if (!Array.isArray(value)) {
          issues.push({
            ...at,
            code: 'type',
            message: 'a list of entries was expected',
            params: { expected: 'entries' },
          });
          continue;
        }
        for (let i = 0; i < value.length; i++) {
          const entry = value[i];
          if (isTree(entry)) walk(entry, path, [...indexes, i]);
          else
            issues.push({
              path,
              repeatIndexes: [...indexes, i],
              code: 'type',
              message: 'an entry of answers was expected',
              params: { expected: 'entry' },
            });
        }
      } else if (typeof value !== 'string') {
        issues.push({
          ...at,
          code: 'type',
          message: 'an answer as text was expected',
          params: { expected: 'text' },
        });
      } else if (value !== '') {
        if (!engine.isRelevant(path, indexes)) {
          issues.push({ ...at, code: 'not_relevant', message: 'answered although the form did not ask it' });
          continue;
        }
        const check = checkValue(shape.type, value, shape.names);
        if (!check.ok)
          issues.push({
            ...at,
            code: check.code,
            message: `not ${check.expected}`,
            params: { expected: check.expected, value: value.slice(0, 100) },
          });
      }
    }
  };
  walk(answers, '', []);
  for (const problem of engine.validate()) {
    issues.push({
      path: problem.path,
      repeatIndexes: problem.repeatIndexes,
      code: problem.code,
      message:
        problem.code === 'required'
          ? 'a required question is not answered'
          : 'the answer breaks the question’s rule',
    });
  }
  return issues;
}
