import { because, type Problem, problem } from '../problems.ts';

/** What unpacking one zip part showed: its size and, for worksheets, how many rows it holds. */
export interface ScannedPart {
  name: string;
  bytes: number;
  rows: number;
  overBytes: boolean;
  overRows: boolean;
}

export interface PartLimits {
  maxPartBytes: number;
  maxSheetRows: number;
  maxQuestions: number;
  maxChoices: number;
}

const ROW = Buffer.from('<row');
const ROW_ENDS = new Set([0x20, 0x3e, 0x2f, 0x09, 0x0a, 0x0d]); // space > / tab newline
const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

function countRows(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(ROW); at >= 0 && at + 4 < chunk.length; at = chunk.indexOf(ROW, at + 4)) {
    if (ROW_ENDS.has(chunk[at + 4] ?? 0)) count++;
  }
  return count;
}

/**
 * Counts `<row` elements in XML given in chunks cut anywhere: the last bytes of each chunk are
 * kept and read again with the next, since a tag can be split across two.
 */
export function rowCounter() {
  let tail = Buffer.alloc(0);
  let rows = 0;
  return (chunk: Uint8Array): number => {
    const joined = Buffer.concat([tail, chunk]);
    // A match needs 5 bytes, so one wholly inside the 4 kept bytes is never counted twice.
    rows += countRows(joined);
    tail = Buffer.from(joined.subarray(Math.max(0, joined.length - 4)));
    return rows;
  };
}

/**
 * Unpacks one part as a stream, counting bytes (and a worksheet's `<row` elements) and throwing
 * the data away; stops as soon as either count passes its budget. 'damaged' when it will not inflate.
 */
export async function scanPart(
  name: string,
  method: number,
  data: Uint8Array,
  budget: number,
  maxRows: number,
): Promise<ScannedPart | 'damaged'> {
  const counter = isWorksheet(name) ? rowCounter() : null;
  const part = { name, bytes: 0, rows: 0, overBytes: false, overRows: false };
  const take = (chunk: Uint8Array) => {
    part.bytes += chunk.byteLength;
    if (counter) part.rows = counter(chunk);
    part.overBytes = part.bytes > budget;
    part.overRows = part.rows > maxRows;
    return part.overBytes || part.overRows;
  };
  // 0 is stored as is; 8 is deflate; anything else the zip reader refuses on its own.
  if (method === 0) {
    take(data);
    return part;
  }
  if (method !== 8) return part;
  const reader = new Blob([new Uint8Array(data)])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return part;
      if (take(value)) {
        await reader.cancel().catch(() => undefined);
        return part;
      }
    }
  } catch {
    return 'damaged';
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Located problems for the parts over a budget; `sheetOf` names the sheet a worksheet part holds. */
export function partProblems(
  parts: ScannedPart[],
  limits: PartLimits,
  sheetOf: (part: string) => string | null,
): Problem[] {
  const problems: Problem[] = [];
  for (const part of parts) {
    const sheet = sheetOf(part.name);
    if (part.overRows) {
      const { maxSheetRows: maximum, maxQuestions, maxChoices } = limits;
      problems.push(
        problem(
          sheet,
          maximum + 1,
          null,
          // A worksheet not listed in the workbook is named by its part, as that is all it has.
          because('form.xlsform.sheet.too_many_rows', {
            sheet: sheet ?? part.name,
            maximum,
            maxQuestions,
            maxChoices,
          }),
        ),
      );
    } else if (part.overBytes) {
      const maximum = mb(limits.maxPartBytes);
      problems.push(
        problem(
          sheet,
          null,
          null,
          sheet
            ? because('form.xlsform.sheet.too_large', { sheet, maximum })
            : because('form.xlsform.file.part_too_large', { part: part.name, maximum }),
        ),
      );
    }
  }
  return problems;
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`)
    .exec(tag)?.[1]
    ?.replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"') ?? null;

/** Which sheet name each worksheet part holds, read from xl/workbook.xml and its relationships. */
export function sheetNamesByPart(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (!id || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    targets.set(id, path.toLowerCase());
  }
  const names = new Map<string, string>();
  for (const tag of workbookXml.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id') ?? /\s\w+:id="([^"]*)"/.exec(tag)?.[1] ?? null;
    const part = id ? targets.get(id) : undefined;
    if (name && part) names.set(part, name);
  }
  return names;
}

/** The text of a small part (the workbook's sheet list), or '' when it is missing or over `cap`. */
export async function partText(method: number, data: Uint8Array, cap: number): Promise<string> {
  if (method === 0) return data.byteLength <= cap ? Buffer.from(data).toString('utf8') : '';
  if (method !== 8) return '';
  const reader = new Blob([new Uint8Array(data)])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks).toString('utf8');
      size += value.byteLength;
      if (size > cap) {
        await reader.cancel().catch(() => undefined);
        return '';
      }
      chunks.push(value);
    }
  } catch {
    return '';
  }
}
