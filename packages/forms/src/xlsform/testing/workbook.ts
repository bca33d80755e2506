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
