import type { Choice, Settings } from '../model.ts';
import { because, coded, type Problem, problem } from '../problems.ts';
import { type Column, readColumns } from './columns.ts';
import type { RawSheet } from './sheets.ts';

export interface ChoicePlaces {
  /** Row of the first choice of each list. */
  listRow: Map<string, number>;
}

/** Reads the choices sheet into lists; extra columns (for choice filters) are kept by header. */
export function readChoices(
  sheet: RawSheet | undefined,
  problems: Problem[],
): {
  choices: Record<string, Choice[]>;
  choiceColumns: string[];
  places: ChoicePlaces;
  rowOf: Map<Choice, number>;
} {
  const choices: Record<string, Choice[]> = {};
  const listRow = new Map<string, number>();
  const rowOf = new Map<Choice, number>();
  if (!sheet) return { choices, choiceColumns: [], places: { listRow }, rowOf };
  const columns = readColumns(sheet, problems);
  const listColumn = columns.find((c) => c.meaning.kind === 'listName');
  const nameColumn = columns.find((c) => c.meaning.kind === 'name');
  const choiceColumns = columns.filter((c) => c.meaning.kind === 'extra').map((c) => c.header);
  if (!listColumn || !nameColumn) {
    if (sheet.rows.length > 0 || sheet.headers.length > 0) {
      const missing = listColumn ? 'name' : 'list_name';
      problems.push(
        coded(sheet.name, sheet.headerRow, null, 'form.xlsform.choices.no_column', { column: missing }),
      );
    }
    return { choices, choiceColumns, places: { listRow }, rowOf };
  }
  for (const { row, cells } of sheet.rows) {
    const list = cells.get(listColumn.col)?.trim();
    const name = cells.get(nameColumn.col)?.trim();
    if (!list) continue;
    if (!name) {
      problems.push(coded(sheet.name, row, nameColumn.header, 'form.xlsform.choices.no_name', { list }));
      continue;
    }
    const choice = readChoice(name, cells, columns);
    if (!choices[list]) {
      choices[list] = [];
      listRow.set(list, row);
    }
    choices[list].push(choice);
    rowOf.set(choice, row);
  }
  return { choices, choiceColumns, places: { listRow }, rowOf };
}

function readChoice(name: string, cells: Map<number, string>, columns: Column[]): Choice {
  const choice: Choice = { name, label: {}, media: {}, extra: {} };
  for (const { col, header, meaning } of columns) {
    const text = cells.get(col);
    if (text === undefined) continue;
    if (meaning.kind === 'text' && meaning.field === 'label') choice.label[meaning.lang] = text;
    else if (meaning.kind === 'media') {
      choice.media[meaning.media] = { ...choice.media[meaning.media], [meaning.lang]: text.trim() };
    } else if (meaning.kind !== 'listName' && meaning.kind !== 'name') choice.extra[header] = text;
  }
  return choice;
}

/** Duplicate choice names in one list are an error unless `allow_choice_duplicates` is yes (pyxform). */
export function checkDuplicateChoices(
  sheetName: string,
  choices: Record<string, Choice[]>,
  rowOf: Map<Choice, number>,
  nameHeader: string,
  settings: Settings,
  problems: Problem[],
): void {
  const allow = Object.entries(settings.extra).find(([k]) => k.toLowerCase() === 'allow_choice_duplicates');
  if (/^(yes|true)$/i.test(allow?.[1] ?? '')) return;
  for (const [list, items] of Object.entries(choices)) {
    const seen = new Set<string>();
    for (const choice of items) {
      if (seen.has(choice.name)) {
        problems.push(
          problem(
            sheetName,
            rowOf.get(choice) ?? null,
            nameHeader,
            because('form.xlsform.choices.duplicate', { list, name: choice.name }),
          ),
        );
      }
      seen.add(choice.name);
    }
  }
}

const SETTING_KEYS: Record<string, keyof Omit<Settings, 'extra'>> = {
  form_id: 'formId',
  id_string: 'formId',
  set_form_id: 'formId',
  form_title: 'formTitle',
  title: 'formTitle',
  set_form_title: 'formTitle',
  version: 'version',
  instance_name: 'instanceName',
  default_language: 'defaultLanguage',
  style: 'style',
};

/** The settings sheet: headers in its first row, values in the next. */
export function readSettings(sheet: RawSheet | undefined): Settings {
  const settings: Settings = { extra: {} };
  const values = sheet?.rows[0]?.cells;
  if (!sheet || !values) return settings;
  for (const { col, text } of sheet.headers) {
    const value = values.get(col)?.trim();
    if (value === undefined || value === '') continue;
    const key = SETTING_KEYS[text.trim().toLowerCase().replace(/\s+/g, '_')];
    if (key) settings[key] = value;
    else settings.extra[text] = value;
  }
  return settings;
}
