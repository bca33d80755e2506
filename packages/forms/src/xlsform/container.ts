import { because, type Coded, ImportStop, type Problem, problem } from '../problems.ts';

/** Limits on what we agree to open: a small file can unzip to gigabytes (a zip bomb). */
export interface SizeLimits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
}
export const DEFAULT_LIMITS: SizeLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
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
  if (ok.uncompressedBytes > limits.maxUncompressedBytes) {
    throw unpacksTooLarge(limits);
  }
  if (!ok.entryNames.includes('xl/workbook.xml')) {
    stop(because('form.xlsform.file.zip_not_workbook', { file: fileName }));
  }
  return ok;
}

const stopDamaged = (): never => {
  throw new ImportStop([problem(null, null, null, because('form.xlsform.file.damaged'))]);
};

/** Counts what one deflated entry unpacks to, stopping as soon as the count passes `budget`. */
async function inflatedBytes(data: Uint8Array, budget: number): Promise<number> {
  const reader = new Blob([new Uint8Array(data)])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  let count = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return count;
      count += value.byteLength;
      if (count > budget) {
        await reader.cancel().catch(() => undefined);
        return count;
      }
    }
  } catch {
    return stopDamaged();
  }
}

/**
 * The sizes in a zip's directory are whatever its maker wrote: a bomb can declare a few bytes
 * and unpack to gigabytes, which the zip reader under exceljs would hold in memory. So every
 * entry is unpacked once here, counted and thrown away, before anything keeps it.
 */
export async function checkUnpackedSize(bytes: Uint8Array, summary: ZipSummary, limits: SizeLimits) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of summary.entries) {
    const header = entry.localHeaderOffset;
    if (header + 30 > bytes.length || view.getUint32(header, true) !== 0x04034b50) stopDamaged();
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const end = start + entry.compressedBytes;
    if (end > bytes.length) stopDamaged();
    const data = bytes.subarray(start, end);
    const budget = limits.maxUncompressedBytes - total;
    // 0 is stored as is; 8 is deflate; anything else the zip reader refuses on its own.
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) total += await inflatedBytes(data, budget);
    if (total > limits.maxUncompressedBytes) {
      throw unpacksTooLarge(limits);
    }
  }
}

export function macroWarnings(summary: ZipSummary): Problem[] {
  return summary.entryNames.some((n) => /vbaProject\.bin$/i.test(n))
    ? [problem(null, null, null, because('form.xlsform.file.macros'))]
    : [];
}
