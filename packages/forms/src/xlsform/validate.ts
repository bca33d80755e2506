import { KNOWN_UNSUPPORTED_FUNCTIONS, SUPPORTED_FUNCTIONS } from '../expr/index.ts';
import type { Form, Question, SurveyItem } from '../model.ts';
import { because, type Coded, coded, type Problem, problem } from '../problems.ts';
import { walkSurvey } from '../survey-tree.ts';
import { findCircularLogic } from './cycles.ts';
import { checkExpression, referencesInText } from './expression-check.ts';
import { type ColumnMeaning, meaningKey } from './headers.ts';
import { instanceProblems } from './instance-rules.ts';
import { checkParameters } from './parameters.ts';
import { nameProblems } from './section-names.ts';
import type { SurveyPlaces } from './survey.ts';
import { typeProblems } from './type-rules.ts';
import { QUESTION_TYPES, SELECT_TYPES } from './types.ts';

export interface ValidateOptions {
  /** File names attached to the form (CSV for select-from-file, media). */
  attachments?: string[];
  /** Publishing: a missing attachment becomes an error instead of a warning. */
  publish?: boolean;
}

/** Types with no control on screen, which need no label (pyxform's bodyless types). */
const BODYLESS = new Set([
  'calculate',
  'hidden',
  'start',
  'end',
  'today',
  'deviceid',
  'username',
  'email',
  'phonenumber',
  'simserial',
  'subscriberid',
  'audit',
  'start-geopoint',
  'background-audio',
  'background-geopoint',
  'xml-external',
  'csv-external',
  'uri:deviceid',
  'uri:email',
  'uri:username',
  'uri:phonenumber',
  'uri:simserial',
  'uri:subscriberid',
]);

/** pyxform rejects a question on screen with nothing to show: no label, hint or media. */
function labelProblem(question: Question): Coded | null {
  if (BODYLESS.has(question.type)) return null;
  const has = (texts: object | undefined) => Object.keys(texts ?? {}).length > 0;
  if (has(question.media['big-image']) && !has(question.media.image)) {
    return because('form.xlsform.media.big_image_alone', { name: question.name });
  }
  if (has(question.label) || has(question.hint) || has(question.media)) return null;
  // pyxform gives no control to a question computed without a label (calculation or trigger).
  if (question.bind.calculation || question.bind.trigger) return null;
  // A bare `media` column counts as media for pyxform.
  if (Object.keys(question.extra).some((column) => column.trim().toLowerCase() === 'media')) return null;
  return has(question.guidanceHint)
    ? because('form.xlsform.label.missing_guidance', { name: question.name })
    : because('form.xlsform.label.missing', { name: question.name });
}

/** `${last-saved#name}` references in a cell, as written. */
function lastSavedReferences(text: string): string[] {
  return [...new Set(referencesInText(text).filter((n) => n.startsWith('last-saved#')))];
}

const LITERAL_BOOLEAN = /^(yes|no|true|false|true\(\)|false\(\))$/i;
const FROM_FILE = /\.(csv|xml|geojson)$/i;

/** Which binding cells hold expressions, and when. */
function isExpression(field: string, text: string): boolean {
  switch (field) {
    case 'required':
    case 'readOnly':
      return !LITERAL_BOOLEAN.test(text);
    case 'repeatCount':
      return !/^\d+$/.test(text);
    case 'default':
      // pyxform treats a default as dynamic when it looks like an expression.
      return /\$\{|[\p{L}-]+\(|\s(div|mod|[+*-])\s/u.test(text);
    case 'appearance':
    case 'trigger':
      return false;
    default:
      return true;
  }
}

/** How many rows carry each name, to resolve `${name}`. */
export function nameCounts(form: Form): Map<string, number> {
  // pyxform adds meta/instanceID to every form and lets expressions name it.
  const counts = new Map<string, number>([['instanceID', 1]]);
  for (const { item } of walkSurvey(form.survey)) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  return counts;
}

/** Why `${name}` cannot be resolved, or null when it names exactly one row. */
export function referenceProblem(reference: string, counts: Map<string, number>): Coded | null {
  // `${last-saved#name}` must name a question of the form too (pyxform checks it).
  const name = reference.replace(/^last-saved#/, '');
  const count = counts.get(name) ?? 0;
  if (count === 0) return because('form.xlsform.reference.unknown', { name });
  return count > 1 ? because('form.xlsform.reference.ambiguous', { name, count }) : null;
}

export function validateSurvey(
  form: Form,
  places: SurveyPlaces,
  sheetName: string,
  options: ValidateOptions,
): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const header = (meaning: ColumnMeaning, fallback: string) =>
    places.columns.find((c) => meaningKey(c.meaning, c.header) === meaningKey(meaning, ''))?.header ??
    fallback;
  const typeHeader = header({ kind: 'type' }, 'type');
  const nameHeader = header({ kind: 'name' }, 'name');
  const rowOf = (item: SurveyItem) => places.rowOf.get(item) ?? null;

  const counts = nameCounts(form);

  for (const { item, code, params, warning } of nameProblems(form, rowOf)) {
    (warning ? warnings : errors).push(coded(sheetName, rowOf(item), nameHeader, code, params));
  }

  const checkReference = (name: string, row: number | null, column: string) => {
    const message = referenceProblem(name, counts);
    if (message) errors.push(problem(sheetName, row, column, message));
  };

  for (const { item } of walkSurvey(form.survey)) {
    const row = rowOf(item);
    const support =
      item.kind === 'question' ? (QUESTION_TYPES[item.type] ?? SELECT_TYPES[item.type]) : undefined;
    if (item.kind === 'question' && item.type === 'calculate' && !item.bind.calculation) {
      const dynamicDefault = item.bind.default && isExpression('default', item.bind.default);
      const column = header({ kind: 'bind', field: 'calculation' }, 'calculation');
      if (!dynamicDefault)
        errors.push(
          coded(sheetName, row, column, 'form.xlsform.calculate.no_calculation', { name: item.name }),
        );
    }
    if (item.kind === 'question') {
      const message = labelProblem(item);
      if (message)
        errors.push(
          problem(
            sheetName,
            row,
            header({ kind: 'text', field: 'label', lang: 'default' }, 'label'),
            message,
          ),
        );
    }
    if (item.kind !== 'loop' && support === 'kept') {
      warnings.push(coded(sheetName, row, typeHeader, 'form.xlsform.type.kept', { type: item.type }));
    }
    if (item.kind === 'loop' && !(item.list && form.choices[item.list])) {
      errors.push(
        item.list
          ? coded(sheetName, row, typeHeader, 'form.xlsform.loop.unknown_list', { list: item.list })
          : coded(sheetName, row, typeHeader, 'form.xlsform.loop.no_list'),
      );
    }
    if (item.kind === 'question') {
      const column = header({ kind: 'parameters' }, 'parameters');
      const checked = checkParameters(item);
      for (const message of checked.errors) errors.push(problem(sheetName, row, column, message));
      for (const message of checked.warnings) warnings.push(problem(sheetName, row, column, message));
    }
    if (item.kind === 'question' && item.list !== undefined) {
      checkList(form, item, row, typeHeader, options, sheetName, errors, warnings);
    }
    for (const [field, text] of Object.entries(item.bind)) {
      const column = header({ kind: 'bind', field } as ColumnMeaning, field);
      if (text === undefined || text.trim() === '') continue;
      if (field === 'trigger') {
        // pyxform's process_trigger: only ${name} references, separated by commas.
        if (!/^\s*\$\{[^}]+\}\s*(,\s*\$\{[^}]+\}\s*)*$/.test(text))
          errors.push(coded(sheetName, row, column, 'form.xlsform.trigger.syntax', { trigger: text }));
        else for (const name of referencesInText(text)) checkReference(name, row, column);
        continue;
      }
      if (!isExpression(field, text)) continue;
      const checked = checkExpression(text);
      if (checked.error) {
        const { position, message } = checked.error;
        errors.push(
          coded(sheetName, row, column, 'form.xlsform.expression.syntax', { position, detail: message }),
        );
        continue;
      }
      if (checked.warning)
        warnings.push(problem(sheetName, row, column, `${checked.warning}; kept as written`));
      // choice_filter names choice columns and refers to questions only through ${…}
      for (const name of checked.references) checkReference(name, row, column);
      for (const name of lastSavedReferences(text)) {
        warnings.push(coded(sheetName, row, column, 'form.xlsform.last_saved', { reference: `\${${name}}` }));
      }
      for (const fn of checked.functions) {
        if (SUPPORTED_FUNCTIONS.has(fn)) continue;
        const known = KNOWN_UNSUPPORTED_FUNCTIONS.has(fn)
          ? 'is kept but not supported yet'
          : 'is not a known XLSForm function';
        warnings.push(problem(sheetName, row, column, `the function ${fn}() ${known}`));
      }
    }
    for (const field of ['label', 'hint', 'guidanceHint', 'constraintMessage', 'requiredMessage'] as const) {
      for (const [lang, text] of Object.entries(item[field])) {
        const column = header({ kind: 'text', field, lang }, field);
        for (const name of referencesInText(text)) checkReference(name, row, column);
      }
    }
    for (const [column, text] of Object.entries(item.extra)) {
      if (/^(bind|body|instance)::?/i.test(column) && text.trim() !== '') {
        warnings.push(coded(sheetName, row, column, 'form.xlsform.column.kept', { column }));
      }
    }
  }

  for (const { item, column, code, params } of instanceProblems(form)) {
    const meaning: ColumnMeaning =
      column === 'type' ? { kind: 'type' } : { kind: 'bind', field: 'appearance' };
    errors.push(coded(sheetName, rowOf(item), header(meaning, column), code, params));
  }
  for (const { item, column, code, params } of typeProblems(form)) {
    const meaning: ColumnMeaning =
      column === 'name' || column === 'parameters'
        ? { kind: column }
        : { kind: 'bind', field: column === 'trigger' ? 'trigger' : 'calculation' };
    errors.push(coded(sheetName, rowOf(item), header(meaning, column), code, params));
  }

  const cycle = errors.length === 0 ? findCircularLogic(form.survey) : null;
  if (cycle) {
    const first = cycle.items[0]!;
    const chain = cycle.names.map((n) => `\${${n}}`).join(' → ');
    const column = cycle.calculationsOnly && first.bind.calculation ? 'calculation' : 'relevant';
    const code = cycle.calculationsOnly
      ? 'form.xlsform.logic.circular_calculation'
      : 'form.xlsform.logic.circular';
    errors.push(
      coded(sheetName, rowOf(first), header({ kind: 'bind', field: column }, column), code, { chain }),
    );
  }
  return { errors, warnings };
}

function checkList(
  form: Form,
  item: SurveyItem & { list?: string },
  row: number | null,
  typeHeader: string,
  options: ValidateOptions,
  sheetName: string,
  errors: Problem[],
  warnings: Problem[],
): void {
  const list = item.list!;
  if (item.type.endsWith('_from_file')) {
    if (!FROM_FILE.test(list)) {
      errors.push(
        problem(sheetName, row, typeHeader, `"${list}" must be a file name ending in .csv, .xml or .geojson`),
      );
      return;
    }
    if (!/\.csv$/i.test(list)) {
      const message = `choices from an XML or GeoJSON file ("${list}") are kept but only CSV is supported yet`;
      warnings.push(problem(sheetName, row, typeHeader, message));
    }
    if (!(options.attachments ?? []).includes(list)) {
      (options.publish ? errors : warnings).push(
        coded(sheetName, row, typeHeader, 'form.xlsform.file.not_attached', { list }),
      );
    }
    return;
  }
  if (item.type === 'select_one_external' || item.type === 'osm') return;
  const fromAnswers = /^\$\{\s*([^}]+?)\s*\}$/.exec(list);
  if (fromAnswers) {
    const message = referenceProblem(fromAnswers[1]!, nameCounts(form));
    if (message) errors.push(problem(sheetName, row, typeHeader, message));
    else
      warnings.push(
        coded(sheetName, row, typeHeader, 'form.xlsform.select.from_answers', { question: list }),
      );
    return;
  }
  if (!form.choices[list]) {
    errors.push(coded(sheetName, row, typeHeader, 'form.xlsform.select.unknown_list', { list }));
  }
  if (item.type === 'select_multiple' && form.choices[list]) {
    const spaced = form.choices[list].find((c) => /\s/.test(c.name));
    if (spaced) {
      errors.push(
        coded(sheetName, row, typeHeader, 'form.xlsform.select.multiple_space', {
          choice: spaced.name,
          list,
        }),
      );
    }
  }
  if (item.kind === 'question' && item.orOther && item.bind.choiceFilter) {
    errors.push(coded(sheetName, row, typeHeader, 'form.xlsform.select.or_other_filter'));
  }
}
