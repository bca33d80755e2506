import ExcelJS from 'exceljs';
import {
  BINDING_FIELDS,
  DEFAULT_LANGUAGE_KEY,
  type Form,
  MEDIA_KINDS,
  type Media,
  type Settings,
  type SurveyItem,
  TEXT_FIELDS,
  type Translated,
  walkSurvey,
} from '../model.ts';
import { ENTITY_HEADERS } from './entities.ts';
import { BIND_HEADERS, TEXT_HEADERS } from './headers.ts';
import { typeCell } from './types.ts';

type Row = Record<string, string>;

function withLanguage(base: string, lang: string): string {
  return lang === DEFAULT_LANGUAGE_KEY ? base : `${base}::${lang}`;
}

/** Column order: structure first, then texts per language, media, logic, then kept columns. */
class Columns {
  readonly order: string[] = [];
  add(header: string) {
    if (!this.order.includes(header)) this.order.push(header);
  }
}

function putTexts(row: Row, base: string, texts: Translated | undefined) {
  for (const [lang, text] of Object.entries(texts ?? {})) row[withLanguage(base, lang)] = text;
}

function putMedia(row: Row, media: Media) {
  for (const kind of MEDIA_KINDS) putTexts(row, `media::${kind}`, media[kind]);
}

function surveyRows(items: SurveyItem[]): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    const row: Row = {
      type: item.kind === 'question' ? typeCell(item.type, item.list, item.orOther) : item.type,
      name: item.name,
    };
    if (item.kind === 'loop') row.type = typeCell('loop', item.list);
    for (const field of TEXT_FIELDS) putTexts(row, TEXT_HEADERS[field], item[field]);
    putMedia(row, item.media);
    for (const field of BINDING_FIELDS) {
      const text = item.bind[field];
      if (text !== undefined) row[BIND_HEADERS[field]] = text;
    }
    const params = Object.entries(item.parameters);
    if (params.length > 0) row.parameters = params.map(([k, v]) => `${k}=${v}`).join(' ');
    if (item.sensitivity) row.sensitivity = item.sensitivity;
    if (item.kind === 'question' && item.saveTo !== undefined) row.save_to = item.saveTo;
    Object.assign(row, item.extra);
    rows.push(row);
    if (item.kind !== 'question') {
      rows.push(...surveyRows(item.children));
      rows.push({ type: `end_${item.kind}` });
    }
  }
  return rows;
}

function surveyColumns(form: Form, rows: Row[]): string[] {
  const columns = new Columns();
  columns.add('type');
  columns.add('name');
  const seen = new Set(rows.flatMap((r) => Object.keys(r)));
  const langs = new Set<string>([DEFAULT_LANGUAGE_KEY]);
  for (const { item } of walkSurvey(form.survey)) {
    for (const f of TEXT_FIELDS) for (const l of Object.keys(item[f])) langs.add(l);
  }
  for (const field of TEXT_FIELDS) {
    for (const lang of langs)
      if (seen.has(withLanguage(TEXT_HEADERS[field], lang)))
        columns.add(withLanguage(TEXT_HEADERS[field], lang));
  }
  for (const header of seen) if (header.startsWith('media::')) columns.add(header);
  for (const field of BINDING_FIELDS) if (seen.has(BIND_HEADERS[field])) columns.add(BIND_HEADERS[field]);
  for (const header of seen) columns.add(header);
  return columns.order;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Row[]) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  sheet.getRow(1).font = { bold: true };
}

function settingsRow(settings: Settings): Row {
  const row: Row = {};
  const named: [keyof Omit<Settings, 'extra'>, string][] = [
    ['formTitle', 'form_title'],
    ['formId', 'form_id'],
    ['version', 'version'],
    ['instanceName', 'instance_name'],
    ['defaultLanguage', 'default_language'],
    ['style', 'style'],
  ];
  for (const [key, header] of named) {
    const value = settings[key];
    if (value !== undefined) row[header] = value;
  }
  return Object.assign(row, settings.extra);
}

/** Writes the form as an XLSForm workbook that imports back to the same model. */
export async function exportXlsForm(form: Form): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const rows = surveyRows(form.survey);
  addSheet(workbook, 'survey', surveyColumns(form, rows), rows);

  const choiceRows: Row[] = [];
  for (const [list, choices] of Object.entries(form.choices)) {
    for (const choice of choices) {
      const row: Row = { list_name: list, name: choice.name };
      putTexts(row, 'label', choice.label);
      putMedia(row, choice.media);
      choiceRows.push(Object.assign(row, choice.extra));
    }
  }
  if (choiceRows.length > 0 || form.choiceColumns.length > 0) {
    const columns = new Columns();
    for (const h of ['list_name', 'name']) columns.add(h);
    const seen = choiceRows.flatMap((r) => Object.keys(r));
    for (const h of seen) if (h === 'label' || h.startsWith('label::')) columns.add(h);
    for (const h of seen) if (h.startsWith('media::')) columns.add(h);
    for (const h of [...form.choiceColumns, ...seen]) columns.add(h);
    addSheet(workbook, 'choices', columns.order, choiceRows);
  }
  const settings = settingsRow(form.settings);
  if (Object.keys(settings).length > 0) addSheet(workbook, 'settings', Object.keys(settings), [settings]);
  if (form.entities && form.entities.length > 0) {
    const rows = form.entities.map((entity) => {
      const row: Row = {};
      for (const [field, header] of Object.entries(ENTITY_HEADERS)) {
        const value = entity[field as keyof typeof ENTITY_HEADERS];
        if (value !== undefined) row[header] = value;
      }
      return Object.assign(row, entity.extra);
    });
    const columns = new Columns();
    for (const header of Object.values(ENTITY_HEADERS))
      if (rows.some((r) => header in r)) columns.add(header);
    for (const row of rows) for (const header of Object.keys(row)) columns.add(header);
    addSheet(workbook, 'entities', columns.order, rows);
  }
  for (const kept of form.otherSheets) {
    const sheet = workbook.addWorksheet(kept.name);
    if (kept.headers.length > 0) sheet.addRow(kept.headers);
    for (const row of kept.rows) sheet.addRow(row.map((v) => (v === '' ? null : v)));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
