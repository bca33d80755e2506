import { type Form, type KeptSheet, RECORD_LISTS } from '../model.ts';
import { closest, coded, ImportStop, type Problem } from '../problems.ts';
import { checkDuplicateChoices, readChoices, readSettings } from './choices.ts';
import { cleanSheet, settingValue } from './clean-text.ts';
import { DEFAULT_LIMITS, type SizeLimits } from './container.ts';
import { ENTITY_HEADERS, readEntities } from './entities.ts';
import { entityProblems } from './entity-rules.ts';
import { formSizeProblems } from './form-size.ts';
import { snakeCase } from './names.ts';
import { checkSettingsAndChoices } from './other-sheets-check.ts';
import type { RawSheet } from './sheets.ts';
import { readSurvey } from './survey.ts';
import { nameCounts, type ValidateOptions, validateSurvey } from './validate.ts';
import { readWorkbook } from './workbook-formats.ts';

export interface ImportOptions extends ValidateOptions {
  limits?: Partial<SizeLimits>;
}

export type ImportResult =
  | { ok: true; form: Form; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

const KNOWN_SHEETS = ['survey', 'choices', 'settings', 'entities'];
/** Sheets pyxform reads that we keep without using yet. */
const KEPT_SHEETS = ['external_choices', 'osm'];

function keepSheet(sheet: RawSheet): KeptSheet {
  return {
    name: sheet.name,
    headers: sheet.headers.map((h) => h.text),
    rows: sheet.rows.map(({ cells }) => sheet.headers.map((h) => cells.get(h.col) ?? '')),
  };
}

/**
 * Reads an XLSForm (.xlsx/.xlsm, legacy .xls, or pyxform's markdown and CSV forms) into the form
 * model, or says what to fix and where.
 */
export async function importXlsForm(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const warnings: Problem[] = [];
  try {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const read = await readWorkbook(bytes, fileName, limits);
    warnings.push(...read.warnings);
    const errors = read.problems;
    // A cell without its value would make every later message about that row misleading.
    if (errors.length > 0) throw new ImportStop(errors);
    const sheets = read.sheets;
    const byName = (name: string) => sheets.find((s) => s.name.trim().toLowerCase() === name);
    const surveySheet = byName('survey') ?? (sheets.length === 1 ? sheets[0] : undefined);
    if (!surveySheet) {
      const names = sheets.map((s) => `"${s.name}"`).join(', ');
      const guess = closest(
        'survey',
        sheets.map((s) => s.name),
      );
      throw new ImportStop([
        guess
          ? coded(null, null, null, 'form.xlsform.sheet.no_survey_guess', { guess, sheets: names })
          : coded(null, null, null, 'form.xlsform.sheet.no_survey', { sheets: names }),
      ]);
    }
    const choicesSheet = byName('choices');
    const settingsSheet = byName('settings');
    const entitiesSheet = byName('entities');
    const otherSheets: KeptSheet[] = [];
    for (const sheet of sheets) {
      if ([surveySheet, choicesSheet, settingsSheet, entitiesSheet].includes(sheet)) continue;
      const lower = sheet.name.trim().toLowerCase();
      const guess = closest(lower, KNOWN_SHEETS);
      if (KEPT_SHEETS.includes(lower) && sheet.rows.length > 0) {
        warnings.push(coded(sheet.name, null, null, 'form.xlsform.sheet.kept', { sheet: sheet.name }));
      } else if (guess && !KEPT_SHEETS.includes(lower)) {
        warnings.push(
          coded(sheet.name, null, null, 'form.xlsform.sheet.ignored_guess', { sheet: sheet.name, guess }),
        );
      }
      otherSheets.push(keepSheet(sheet));
    }
    const settings = readSettings(settingsSheet && cleanSheet(settingsSheet, false));
    const collapseSpaces = !/^(no|false)$/i.test(settingValue(settings, 'clean_text_values') ?? '');
    const { survey, places } = readSurvey(cleanSheet(surveySheet, collapseSpaces), errors);
    const chosen = readChoices(choicesSheet && cleanSheet(choicesSheet, false), errors);
    const tooLarge = formSizeProblems(
      survey,
      places.rowOf,
      surveySheet.name,
      chosen.choices,
      chosen.rowOf,
      choicesSheet?.name ?? 'choices',
      limits,
    );
    if (tooLarge.length > 0) throw new ImportStop(tooLarge);
    const declared = readEntities(entitiesSheet && cleanSheet(entitiesSheet, false), errors);
    const form: Form = {
      settings,
      survey,
      choices: chosen.choices,
      choiceColumns: chosen.choiceColumns,
      ...(declared.entities ? { entities: declared.entities } : {}),
      otherSheets,
    };
    if (declared.entities && entitiesSheet) {
      const listHeader =
        entitiesSheet.headers.find((h) => snakeCase(h.text) === 'list_name')?.text ?? 'list_name';
      for (const [i, entity] of declared.entities.entries())
        if (!(RECORD_LISTS as readonly string[]).includes(entity.list))
          warnings.push(
            coded(entitiesSheet.name, i + 2, listHeader, 'form.xlsform.entities.not_applied', {
              list: entity.list,
              lists: RECORD_LISTS.join(', '),
            }),
          );
    }
    if (choicesSheet) {
      const nameHeader = choicesSheet.headers.find((h) => /^(name|value)$/i.test(h.text))?.text ?? 'name';
      checkDuplicateChoices(choicesSheet.name, form.choices, chosen.rowOf, nameHeader, settings, errors);
    }
    if (errors.length === 0) {
      const checked = validateSurvey(form, places, surveySheet.name, options);
      errors.push(...checked.errors);
      errors.push(...checkSettingsAndChoices(form, settingsSheet, choicesSheet, chosen.rowOf));
      warnings.push(...checked.warnings);
    }
    if (errors.length === 0 && (form.entities || places.columns.some((c) => c.meaning.kind === 'saveTo'))) {
      const entityHeaders = entitiesSheet?.headers ?? [];
      errors.push(
        ...entityProblems(form, {
          surveySheet: surveySheet.name,
          saveToHeader: places.columns.find((c) => c.meaning.kind === 'saveTo')?.header ?? 'save_to',
          rowOf: (item) => places.rowOf.get(item) ?? null,
          entitiesSheet: entitiesSheet?.name ?? 'entities',
          entityRowOf: (entity) => declared.rowOf.get(entity) ?? null,
          entityHeader: (field) =>
            entityHeaders.find((h) => snakeCase(h.text) === ENTITY_HEADERS[field])?.text ??
            ENTITY_HEADERS[field],
          counts: nameCounts(form),
        }),
      );
    }
    return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, form, warnings };
  } catch (error) {
    if (error instanceof ImportStop) return { ok: false, errors: error.problems, warnings };
    throw error;
  }
}
