import ExcelJS from 'exceljs';

/** Cells of a test sheet: rows of text (or numbers/formulas), the first row being the headers. */
export type SheetRows = (ExcelJS.CellValue | undefined)[][];

/** Builds an .xlsx in memory, one worksheet per entry, in order. */
export async function workbookBytes(sheets: Record<string, SheetRows>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row.map((v) => v ?? null));
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Reads pyxform's markdown-table test format (`| survey |` then `| | type | name |` rows) into
 * sheets; the first cell of a sheet row is empty, the sheet name sits alone in a row.
 */
export function sheetsFromMarkdown(markdown: string): Record<string, SheetRows> {
  const sheets: Record<string, SheetRows> = {};
  let current: SheetRows | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('|')) continue;
    const cells = trimmed
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
    if (cells[0] !== '') {
      current = [];
      sheets[cells[0]!] = current;
    } else if (current) {
      current.push(cells.slice(1).map((c) => (c === '' ? undefined : c)));
    }
  }
  return sheets;
}

/** Parses one CSV line with quotes ("a","b,c"). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** pyxform's CSV form format: a row whose first cell names a sheet, then rows starting with an empty cell. */
export function sheetsFromCsv(csv: string): Record<string, SheetRows> {
  const sheets: Record<string, SheetRows> = {};
  let current: SheetRows | null = null;
  for (const line of csv.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const cells = csvCells(line);
    if (cells[0]!.trim() !== '') {
      current = [];
      sheets[cells[0]!.trim()] = current;
    } else if (current) {
      current.push(cells.slice(1).map((c) => (c.trim() === '' ? undefined : c)));
    }
  }
  return sheets;
}
