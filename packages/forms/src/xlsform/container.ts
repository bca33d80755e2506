import { because, type Coded, ImportStop, type Problem, problem } from '../problems.ts';
import { partProblems, partText, scanPart, sheetNamesByPart } from './part-scan.ts';

/** Limits on what we agree to open: a small file can unzip to gigabytes (a zip bomb). */
export interface SizeLimits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
  /** One zip part (a sheet, the shared strings): a real form's largest is a few MB. */
  maxPartBytes: number;
  /** Rows one worksheet may hold, counted while unpacking, before exceljs builds a cell for each. */
  maxSheetRows: number;
  maxQuestions: number;
  maxChoices: number;
}
export const DEFAULT_LIMITS: SizeLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  // A real form unpacks to a few MB; images are stored packed, so they count at about their size.
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxPartBytes: 24 * 1024 * 1024,
  maxSheetRows: 50_000,
  maxQuestions: 10_000,
  maxChoices: 40_000,
};

export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const unpacksTooLarge = (limits: SizeLimits) =>
  new ImportStop([
    problem(
      null,
      null,
      null,
      because('form.xlsform.file.unpacks_too_large', { maximum: mb(limits.maxUncompressedBytes) }),
    ),
  ]);

export interface ZipSummary {
  entryNames: string[];
  uncompressedBytes: number;
  /** Where each entry's data is and how it is stored, for measuring what it really unpacks to. */
  entries: ZipEntry[];
}

interface ZipEntry {
  method: number;
  compressedBytes: number;
  localHeaderOffset: number;
}

/** Reads the zip central directory (sizes and names) without inflating anything. */
function readCentralDirectory(bytes: Uint8Array): ZipSummary | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const earliest = Math.max(0, bytes.length - 65557);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entryNames: string[] = [];
  const entries: ZipEntry[] = [];
  let uncompressedBytes = 0;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF means a zip64 size: far beyond any form, so count it as too big.
    uncompressedBytes += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    entries.push({
      method: view.getUint16(offset + 10, true),
      compressedBytes: view.getUint32(offset + 20, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entryNames.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { entryNames, uncompressedBytes, entries };
}

/** The checks every upload gets first, whatever its format. */
export function checkFileSize(bytes: Uint8Array, limits: SizeLimits): void {
  const stop = (message: Coded): never => {
    throw new ImportStop([problem(null, null, null, message)]);
  };
  if (bytes.length > limits.maxFileBytes) {
    stop(
      because('form.xlsform.file.too_large', { size: mb(bytes.length), maximum: mb(limits.maxFileBytes) }),
    );
  }
  if (bytes.length === 0) stop(because('form.xlsform.file.empty'));
}

/**
 * Reads the directory of a zip upload (OLE2 and text uploads are told apart before, in
 * workbook-formats.ts): a zip that is not an Excel workbook, or that unpacks too large, stops here.
 */
export function inspectContainer(bytes: Uint8Array, fileName: string, limits: SizeLimits): ZipSummary {
  const stop = (message: Coded): never => {
    throw new ImportStop([problem(null, null, null, message)]);
  };
  checkFileSize(bytes, limits);
  if (!startsWith(bytes, ZIP_MAGIC)) {
    stop(because('form.xlsform.file.not_spreadsheet', { file: fileName }));
  }
  const summary = readCentralDirectory(bytes);
  if (!summary) stop(because('form.xlsform.file.zip_damaged'));
  const ok = summary as ZipSummary;
  // The declared sizes are refused on after checkUnpackedSize has measured the real ones, so that
  // a sheet with too many rows is named, with its row, rather than called a zip bomb.
  if (!ok.entryNames.includes('xl/workbook.xml')) {
    stop(because('form.xlsform.file.zip_not_workbook', { file: fileName }));
  }
  return ok;
}

const stopDamaged = (): never => {
  throw new ImportStop([problem(null, null, null, because('form.xlsform.file.damaged'))]);
};

/**
 * The sizes in a zip's directory are whatever its maker wrote: a bomb can declare a few bytes
 * and unpack to gigabytes, which the zip reader under exceljs would hold in memory. So every
 * entry is unpacked once here (part-scan.ts), counted and thrown away, before anything keeps it.
 */
export async function checkUnpackedSize(bytes: Uint8Array, summary: ZipSummary, limits: SizeLimits) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOf = (entry: ZipEntry) => {
    const header = entry.localHeaderOffset;
    if (header + 30 > bytes.length || view.getUint32(header, true) !== 0x04034b50) stopDamaged();
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const end = start + entry.compressedBytes;
    if (end > bytes.length) stopDamaged();
    return bytes.subarray(start, end);
  };
  const textOf = async (name: string) => {
    const entry = summary.entries[summary.entryNames.indexOf(name)];
    return entry ? partText(entry.method, dataOf(entry), 1024 * 1024) : '';
  };
  // Sheet names first, so that a problem can say which sheet is too large.
  const names = sheetNamesByPart(await textOf('xl/workbook.xml'), await textOf('xl/_rels/workbook.xml.rels'));
  const sheetOf = (part: string) => names.get(part.toLowerCase()) ?? null;
  let total = 0;
  for (const [index, entry] of summary.entries.entries()) {
    const name = summary.entryNames[index] ?? '';
    const budget = Math.min(limits.maxPartBytes, limits.maxUncompressedBytes - total);
    const part = await scanPart(name, entry.method, dataOf(entry), budget, limits.maxSheetRows);
    if (part === 'damaged') return stopDamaged();
    total += part.bytes;
    if (total > limits.maxUncompressedBytes) throw unpacksTooLarge(limits);
    const problems = partProblems([part], limits, sheetOf);
    if (problems.length > 0) throw new ImportStop(problems);
  }
  // Small in fact but huge by its directory: the zip reader under exceljs would trust the directory.
  if (summary.uncompressedBytes > limits.maxUncompressedBytes) throw unpacksTooLarge(limits);
}

export function macroWarnings(summary: ZipSummary): Problem[] {
  return summary.entryNames.some((n) => /vbaProject\.bin$/i.test(n))
    ? [problem(null, null, null, because('form.xlsform.file.macros'))]
    : [];
}
