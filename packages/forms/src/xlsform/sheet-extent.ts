import type { RawSheet } from './sheets.ts';

/** pyxform stops reading headers after this many empty columns in a row, and rows likewise. */
const MAX_EMPTY_COLUMNS = 20;
const MAX_EMPTY_ROWS = 60;

/**
 * A spreadsheet's cells as pyxform reads them (xls2json_backends: get_excel_column_headers and
 * get_excel_rows): the first row holds the headers, which end after 20 empty columns; a cell
 * under no header is not read; the sheet ends after 60 empty rows, whatever follows.
 * `rows` are the non-empty rows in order, with 1-based row and column numbers.
 */
export function sheetFromCells(name: string, rows: { row: number; cells: Map<number, string> }[]): RawSheet {
  const [first, ...rest] = rows;
  if (!first) return { name, headerRow: 1, headers: [], rows: [] };
  const headers: RawSheet['headers'] = [];
  let lastColumn = 0;
  for (const [col, text] of [...first.cells].sort(([a], [b]) => a - b)) {
    if (col - lastColumn - 1 > MAX_EMPTY_COLUMNS) break;
    headers.push({ col, text: text.trim().replace(/ +/g, ' ') });
    lastColumn = col;
  }
  const headed = new Set(headers.map((h) => h.col));
  const kept: RawSheet['rows'] = [];
  let lastRow = first.row;
  for (const { row, cells } of rest) {
    const read = new Map([...cells].filter(([col]) => headed.has(col)));
    if (read.size === 0) continue;
    if (row - lastRow - 1 > MAX_EMPTY_ROWS) break;
    kept.push({ row, cells: read });
    lastRow = row;
  }
  return { name, headerRow: first.row, headers, rows: kept };
}
