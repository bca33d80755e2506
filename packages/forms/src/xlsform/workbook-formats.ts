import { because, type Coded, ImportStop, type Problem, problem } from '../problems.ts';
import {
  checkFileSize,
  checkUnpackedSize,
  inspectContainer,
  macroWarnings,
  OLE2_MAGIC,
  type SizeLimits,
  startsWith,
  ZIP_MAGIC,
} from './container.ts';
import { sheetFromCells } from './sheet-extent.ts';
import type { RawSheet } from './sheets.ts';
import { looksLikeCsv, looksLikeMarkdown, readCsvSheets, readMarkdownSheets } from './text-sheets.ts';

/** The formats pyxform reads an XLSForm from. */
export type WorkbookFormat = 'xlsx' | 'xls' | 'markdown' | 'csv';

export interface ReadWorkbook {
  format: WorkbookFormat;
  sheets: RawSheet[];
  /** Cells that cannot be read (a formula with no saved result): errors at their cell. */
  problems: Problem[];
  warnings: Problem[];
}

const stop = (message: string | Coded): never => {
  throw new ImportStop([problem(null, null, null, message)]);
};

function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** An Excel 97–2003 workbook, or one of the other things an OLE2 file can be. */
async function readXls(bytes: Uint8Array): Promise<RawSheet[]> {
  // Loaded only for .xls uploads, like exceljs for .xlsx.
  const { ole2Streams, readBiff8 } = await import('./xls.ts');
  const streams = ole2Streams(bytes);
  if (!streams) return stop('the .xls workbook is damaged and cannot be read: save it again as .xlsx');
  if (streams.has('EncryptedPackage')) {
    stop(
      'the workbook is password-protected: remove the password in Excel (File → Info) and upload it again',
    );
  }
  const workbook = streams.get('Workbook');
  if (!workbook) {
    if (streams.has('Book')) {
      stop(
        'the .xls workbook is from Excel 95 or older: open it in Excel or LibreOffice and save it as .xlsx',
      );
    }
    stop('the file is an old Office document, not an Excel workbook: save it as .xlsx');
  }
  let read: ReturnType<typeof readBiff8>;
  try {
    read = readBiff8(workbook!);
  } catch (error) {
    // A record shorter than its kind needs (a DataView read past its end) is damage, not a crash.
    if (error instanceof ImportStop || !(error instanceof RangeError)) throw error;
    return stop('the .xls workbook is damaged and cannot be read: save it again as .xlsx');
  }
  return read.map(({ name, rows }) =>
    sheetFromCells(
      name,
      [...rows]
        .sort(([a], [b]) => a - b)
        .map(([row, cells]) => ({
          row,
          cells: new Map(
            [...cells]
              .map(([col, text]): [number, string] => [col, text.trim().replaceAll('\u00a0', ' ')])
              .filter(([, text]) => text !== ''),
          ),
        }))
        .filter(({ cells }) => cells.size > 0),
    ),
  );
}

function readText(bytes: Uint8Array, fileName: string): { format: WorkbookFormat; sheets: RawSheet[] } {
  const extension = extensionOf(fileName);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return stop(because('form.xlsform.file.not_spreadsheet_or_text', { file: fileName }));
  }
  const markdown = extension === 'md' || (extension !== 'csv' && looksLikeMarkdown(text));
  if (markdown && looksLikeMarkdown(text)) return { format: 'markdown', sheets: readMarkdownSheets(text) };
  if (!markdown && looksLikeCsv(text)) return { format: 'csv', sheets: readCsvSheets(text) };
  if (extension !== 'md' && extension !== 'csv') {
    return stop(because('form.xlsform.file.not_spreadsheet_or_text', { file: fileName }));
  }
  const what = markdown ? 'a markdown table of sheets' : 'a CSV form';
  return stop(
    `"${fileName}" does not look like ${what} (| survey | … rows for markdown, "survey" then ",type,name" rows for CSV): ` +
      'upload an Excel workbook, or write the form as pyxform does',
  );
}

/**
 * Reads any XLSForm pyxform reads into sheets of text: .xlsx/.xlsm (zip, read with exceljs),
 * legacy .xls (OLE2 with BIFF8), and the markdown and CSV forms. The format is told from the
 * bytes, the file name breaking the tie between markdown and CSV.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  limits: SizeLimits,
): Promise<ReadWorkbook> {
  checkFileSize(bytes, limits);
  if (startsWith(bytes, OLE2_MAGIC))
    return { format: 'xls', sheets: await readXls(bytes), problems: [], warnings: [] };
  if (startsWith(bytes, ZIP_MAGIC)) {
    const summary = inspectContainer(bytes, fileName, limits);
    await checkUnpackedSize(bytes, summary, limits);
    // exceljs is large: loaded only when a workbook needs it.
    const { readSheets } = await import('./sheets.ts');
    const { sheets, problems } = await readSheets(bytes);
    return { format: 'xlsx', sheets, problems, warnings: macroWarnings(summary) };
  }
  return { ...readText(bytes, fileName), problems: [], warnings: [] };
}
