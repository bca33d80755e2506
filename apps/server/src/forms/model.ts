import { type FormProblem, formLimits, issueParams, type ProblemLocation } from '@coproduce/contract';
import {
  exportXlsForm,
  Form,
  formIdFromFileName,
  formLanguages,
  type ImportResult,
  importXlsForm,
  jsonDepth,
  maxModelJsonDepth,
  maxSectionDepth,
  type Problem,
  type SurveyItem,
  walkSurvey,
} from '@coproduce/forms';
import type { ServerDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { importInWorker } from './import-worker/run.ts';

/** A checked form, ready to store as a draft or a version. */
export interface CheckedForm {
  form: Form;
  warnings: FormProblem[];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Decodes an uploaded file; an empty one is a 400 naming the field, one over the limit a 413 with the sizes in words. */
export function decodeUpload(contentBase64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
  if (bytes.byteLength === 0) {
    throw new AppError('request.invalid', 400, 'contentBase64: the file is empty', [
      { path: 'body.contentBase64', message: 'the file is empty', code: 'upload.empty' },
    ]);
  }
  if (bytes.byteLength > formLimits.fileBytes) {
    throw new AppError(
      'request.too_large',
      413,
      `The file is ${mb(bytes.byteLength)}; a file can be at most ${mb(formLimits.fileBytes)}.`,
      [
        {
          path: 'body.contentBase64',
          message: `more than ${mb(formLimits.fileBytes)}`,
          code: 'file.too_large',
          params: { maximum: mb(formLimits.fileBytes) },
        },
      ],
    );
  }
  return bytes;
}

/** The path of a survey item, as `forms check` prints it: /group/name. */
export const pathOf = (item: SurveyItem, parents: SurveyItem[]) =>
  `/${[...parents.map((p) => p.name), item.name].join('/')}`;

/** Which question each survey row of an exported workbook holds (end rows name their group). */
function surveyRowPaths(form: Form): Map<number, string> {
  const paths = new Map<number, string>();
  let row = 2;
  const visit = (items: SurveyItem[], parents: SurveyItem[]) => {
    for (const item of items) {
      const path = pathOf(item, parents);
      paths.set(row++, path);
      if (item.kind !== 'question') {
        visit(item.children, [...parents, item]);
        paths.set(row++, path);
      }
    }
  };
  visit(form.survey, []);
  return paths;
}

function located(problems: Problem[], paths?: Map<number, string>): FormProblem[] {
  return problems.map((p) => {
    const path = paths && p.sheet === 'survey' && p.row !== null ? paths.get(p.row) : undefined;
    return { ...p, ...(path ? { path } : {}) };
  });
}

/** problem+json locations: the contract's shape has optional fields, not nulls. */
export function asLocations(problems: FormProblem[]): ProblemLocation[] {
  return problems.map((p) => ({
    ...(p.path ? { path: p.path } : {}),
    ...(p.sheet !== null ? { sheet: p.sheet } : {}),
    ...(p.row !== null ? { row: p.row } : {}),
    ...(p.column !== null ? { column: p.column } : {}),
    message: p.message,
    ...(p.code ? { code: p.code } : {}),
    ...(p.params ? { params: p.params } : {}),
  }));
}

const describe = (problems: FormProblem[]) => {
  const first = problems[0];
  if (!first) return '';
  const where = [first.sheet, first.row === null ? null : `row ${first.row}`].filter(Boolean).join(' ');
  const place = [where, first.column].filter(Boolean).join(', ');
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${place ? `${place}: ` : ''}${first.message}${more}`;
};

/**
 * Reads an uploaded XLSForm in a reader process, within the gate's budget (import-worker/); a
 * workbook with problems is a 400 listing each, located.
 */
export async function importUpload(
  bytes: Uint8Array,
  fileName: string,
  attachments: string[],
  /** Uploads always give one; the shipped templates (our own files) are read in place. */
  where?: { deps: Pick<ServerDeps, 'imports' | 'log'>; workspaceId: string },
): Promise<CheckedForm> {
  let result: ImportResult;
  if (!where) result = await importXlsForm(bytes, fileName, { attachments });
  else {
    const gate = where.deps.imports;
    const leave = gate.enter(where.workspaceId);
    try {
      result = await importInWorker(bytes, fileName, { attachments }, gate, where.deps.log);
    } finally {
      leave();
    }
  }
  if (!result.ok) {
    const errors = located(result.errors);
    throw new AppError(
      'form.xlsform.invalid',
      400,
      `The spreadsheet has ${errors.length === 1 ? '1 problem' : `${errors.length} problems`} to fix: ${describe(errors)}`,
      asLocations(errors),
    );
  }
  const form = result.form;
  if (!form.settings.formId) form.settings.formId = formIdFromFileName(fileName);
  return { form, warnings: located(result.warnings) };
}

/**
 * Checks a builder model the way an upload is checked: the shape first (zod), then the
 * XLSForm rules, by writing the workbook and reading it back with the same importer. Errors
 * carry both the sheet location and the question path.
 */
export async function checkModel(
  model: unknown,
  attachments: string[],
  options: { publish?: boolean; field?: string } = {},
): Promise<CheckedForm> {
  const field = options.field ?? 'model';
  // zod and the exporter recurse into groups: measure first, without recursion.
  if (jsonDepth(model) > maxModelJsonDepth) {
    const message = `groups and repeats nest more than ${maxSectionDepth} deep`;
    throw new AppError('form.model.invalid', 400, `${field}.survey: ${message}`, [
      { path: `${field}.survey`, message, code: 'form.too_deep', params: { maximum: maxSectionDepth } },
    ]);
  }
  const shape = Form.safeParse(model);
  if (!shape.success) {
    const errors = shape.error.issues.slice(0, 50).map((issue) => ({
      path: [field, ...issue.path.map(String)].join('.'),
      message: issue.message,
      code: String((issue as { params?: { code?: string } }).params?.code ?? issue.code),
      ...issueParams(issue),
    }));
    throw new AppError('form.model.invalid', 400, `${errors[0]?.path}: ${errors[0]?.message}`, errors);
  }
  const form = shape.data;
  const bytes = await exportXlsForm(form);
  const result = await importXlsForm(bytes, `${form.settings.formId ?? 'form'}.xlsx`, {
    attachments,
    publish: options.publish ?? false,
  });
  const paths = surveyRowPaths(form);
  if (!result.ok) {
    const errors = located(result.errors, paths);
    const what = options.publish ? 'The form cannot be published yet' : 'The form has problems';
    throw new AppError(
      options.publish ? 'form.publish.invalid' : 'form.model.invalid',
      400,
      `${what}: ${describe(errors)}`,
      asLocations(errors),
    );
  }
  return { form, warnings: located(result.warnings, paths) };
}

/** What lists show about a form, computed once when the draft is saved. */
export function summarize(form: Form) {
  let questionCount = 0;
  for (const { item } of walkSurvey(form.survey)) if (item.kind === 'question') questionCount++;
  const formKey = form.settings.formId ?? 'form';
  return {
    formKey,
    title: (form.settings.formTitle ?? formKey).slice(0, formLimits.titleLength),
    languages: formLanguages(form),
    questionCount,
  };
}

/** Finds a survey item by its path. */
export function findByPath(form: Form, path: string): SurveyItem | null {
  for (const { item, parents } of walkSurvey(form.survey)) if (pathOf(item, parents) === path) return item;
  return null;
}
