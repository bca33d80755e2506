import type { Translated } from './model.ts';
import type { Problem } from './problems.ts';
import { formLanguages, walkSurvey } from './survey-tree.ts';
import { type ImportOptions, importXlsForm } from './xlsform/import.ts';

export { describeProblem } from './problems.ts';

export interface CheckedQuestion {
  path: string;
  type: string;
  list: string | null;
  label: Translated;
  relevant: string | null;
  constraint: string | null;
  calculation: string | null;
  required: string | null;
  readOnly: string | null;
  /** True for a repeat and for everything inside one: one answer per repetition. */
  repeat: boolean;
  sensitivity: string | null;
}

export type CheckResult =
  | {
      ok: true;
      title: string;
      formId: string;
      version: string | null;
      languages: string[];
      questions: CheckedQuestion[];
      choices: Record<string, { name: string; label: Translated }[]>;
      warnings: Problem[];
    }
  | { ok: false; errors: Problem[] };

/** The form id when the settings name none: the file name without its extension, as pyxform does. */
export function formIdFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '');
}

/**
 * What `coproduce forms check FILE --json` prints: the form as the importer sees it, or the
 * problems to fix. exceljs reads workbooks asynchronously, hence the promise.
 */
export async function checkXlsForm(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<CheckResult> {
  const result = await importXlsForm(bytes, fileName, options);
  if (!result.ok) return { ok: false, errors: result.errors };
  const { form } = result;
  const formId = form.settings.formId ?? formIdFromFileName(fileName);
  const questions: CheckedQuestion[] = [];
  for (const { item, parents } of walkSurvey(form.survey)) {
    const cell = (text: string | undefined) => (text === undefined || text === '' ? null : text);
    questions.push({
      path: `/${[...parents.map((p) => p.name), item.name].join('/')}`,
      type: item.type,
      list: item.list ?? null,
      label: item.label,
      relevant: cell(item.bind.relevant),
      constraint: cell(item.bind.constraint),
      calculation: cell(item.bind.calculation),
      required: cell(item.bind.required),
      readOnly: cell(item.bind.readOnly),
      repeat: item.kind === 'repeat' || parents.some((p) => p.kind === 'repeat'),
      sensitivity: item.sensitivity ?? null,
    });
  }
  const choices: Record<string, { name: string; label: Translated }[]> = {};
  for (const [list, items] of Object.entries(form.choices)) {
    choices[list] = items.map(({ name, label }) => ({ name, label }));
  }
  return {
    ok: true,
    title: form.settings.formTitle ?? formId,
    formId,
    version: form.settings.version ?? null,
    languages: formLanguages(form),
    questions,
    choices,
    warnings: result.warnings,
  };
}
