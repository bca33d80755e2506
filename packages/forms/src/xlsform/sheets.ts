import ExcelJS from 'exceljs';
import { because, ImportStop, type Problem, problem } from '../problems.ts';
import { dateText } from './cell-text.ts';
import { sheetFromCells } from './sheet-extent.ts';

/** A worksheet reduced to text: the header row and the data rows, each cell keyed by column number. */
export interface RawSheet {
  name: string;
  headerRow: number;
  headers: { col: number; text: string }[];
  rows: { row: number; cells: Map<number, string> }[];
}

type CellValue = ExcelJS.CellValue;

/** The text pyxform would read from a cell; `undefined` when a formula has no cached value. */
export function cellText(value: CellValue, cachedResult?: CellValue): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    // exceljs keeps a FALSE or 0 result only on the cell (`cell.result`), not in the value.
    const result = (value as { result?: CellValue }).result ?? cachedResult;
    if (result === undefined || result === null) return undefined;
    if (typeof result === 'object' && 'error' in result) return String(result.error);
    return cellText(result);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** Sheet parts that only matter for display: skipping them makes large forms load ~30% faster. */
const LAYOUT_NODES = [
  'dataValidations',
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'conditionalFormatting',
  'pageMargins',
  'printOptions',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'drawing',
  'picture',
  'tableParts',
  'autoFilter',
  'extLst',
];

/** Loads every worksheet as text; formula cells without a cached value are reported at their cell. */
export async function readSheets(bytes: Uint8Array): Promise<{ sheets: RawSheet[]; problems: Problem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; it accepts any Uint8Array (JSZip underneath).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: LAYOUT_NODES });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportStop([problem(null, null, null, because('form.xlsform.file.unreadable', { detail }))]);
  }
  const problems: Problem[] = [];
  const sheets: RawSheet[] = [];
  for (const ws of workbook.worksheets) {
    const texts: { row: number; cells: Map<number, string> }[] = [];
    const formulaGaps: { row: number; col: number }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = new Map<number, string>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const text = cellText(cell.value, cell.result as CellValue);
        if (text === undefined) formulaGaps.push({ row: rowNumber, col });
        // Like pyxform, surrounding spaces are not part of a cell's meaning.
        else if (text.trim() !== '') cells.set(col, text.trim().replaceAll('\u00a0', ' '));
      });
      if (cells.size > 0) texts.push({ row: rowNumber, cells });
    });
    const sheet = sheetFromCells(ws.name, texts);
    // A formula with no result is an empty cell to pyxform; it matters where it is read at all.
    const lastRead = Math.max(sheet.headerRow, ...sheet.rows.map((r) => r.row)) + 61;
    for (const gap of formulaGaps) {
      const header = sheet.headers.find((h) => h.col === gap.col)?.text;
      if (header === undefined || gap.row < sheet.headerRow || gap.row > lastRead) continue;
      problems.push(problem(ws.name, gap.row, header, because('form.xlsform.cell.formula_without_result')));
    }
    sheets.push(sheet);
  }
  return { sheets, problems };
}
