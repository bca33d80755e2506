import CFB from 'cfb';
import { because, type Coded, ImportStop, problem } from '../problems.ts';
import { dateText } from './cell-text.ts';

/**
 * Legacy Excel 97–2003 workbooks (.xls): the `Workbook` stream of an OLE2 compound file (read
 * with `cfb`), holding BIFF8 records. Only what an XLSForm needs is read: sheet names, and each
 * cell's text as pyxform (through xlrd) sees it — shared and inline strings, numbers (whole
 * numbers without ".0"), booleans, formula results, and dates by their cell's number format.
 */

export interface XlsSheet {
  name: string;
  /** 1-based row → 1-based column → text. */
  rows: Map<number, Map<number, string>>;
}

const stop = (message: string | Coded): never => {
  throw new ImportStop([problem(null, null, null, message)]);
};

const damaged = () => stop(because('form.xlsform.file.xls_damaged'));

/** The streams of an OLE2 file, or null when it is not one that `cfb` can read. */
export function ole2Streams(bytes: Uint8Array): Map<string, Uint8Array> | null {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    return null;
  }
  const streams = new Map<string, Uint8Array>();
  for (const entry of container.FileIndex) {
    if (entry.type === 2 && entry.content) streams.set(entry.name, Uint8Array.from(entry.content));
  }
  return streams;
}

const RECORD = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
} as const;

interface Record {
  type: number;
  /** The record's data, followed by the data of the CONTINUE records after it. */
  data: Uint8Array;
  /** Where each CONTINUE's data starts inside `data` (a string split there restates its flags). */
  breaks: number[];
  /** Stream offset of the record's header (sheets are found by offset). */
  offset: number;
}

function* records(stream: Uint8Array): Generator<Record> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let at = 0;
  while (at + 4 <= stream.length) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    const offset = at;
    if (at + 4 + length > stream.length) damaged();
    const parts = [stream.subarray(at + 4, at + 4 + length)];
    const breaks: number[] = [];
    at += 4 + length;
    let total = length;
    while (at + 4 <= stream.length && view.getUint16(at, true) === RECORD.CONTINUE) {
      const more = view.getUint16(at + 2, true);
      if (at + 4 + more > stream.length) damaged();
      breaks.push(total);
      parts.push(stream.subarray(at + 4, at + 4 + more));
      total += more;
      at += 4 + more;
    }
    const data = parts.length === 1 ? parts[0]! : new Uint8Array(total);
    if (parts.length > 1) {
      let o = 0;
      for (const part of parts) {
        data.set(part, o);
        o += part.length;
      }
    }
    yield { type, data, breaks, offset };
  }
}

/** Reads BIFF8 strings from a record, honouring the flags byte restated after each CONTINUE. */
class StringReader {
  private readonly view: DataView;
  constructor(
    private readonly record: Record,
    public at = 0,
  ) {
    this.view = new DataView(record.data.buffer, record.data.byteOffset, record.data.byteLength);
  }
  u8() {
    if (this.at + 1 > this.record.data.length) damaged();
    return this.view.getUint8(this.at++);
  }
  u16() {
    if (this.at + 2 > this.record.data.length) damaged();
    const v = this.view.getUint16(this.at, true);
    this.at += 2;
    return v;
  }
  u32() {
    if (this.at + 4 > this.record.data.length) damaged();
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  /** An XLUnicodeString body: `count` characters after a flags byte. */
  string(count: number): string {
    const flags = this.u8();
    let wide = (flags & 0x01) !== 0;
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const units: number[] = [];
    let left = count;
    while (left > 0) {
      // Characters continued in a CONTINUE record restate whether they are one or two bytes wide.
      if (this.record.breaks.includes(this.at)) wide = (this.u8() & 0x01) !== 0;
      const next = this.record.breaks.find((b) => b > this.at) ?? this.record.data.length;
      const width = wide ? 2 : 1;
      const fits = Math.min(left, Math.floor((next - this.at) / width));
      if (fits <= 0) damaged();
      // Code units, decoded at the end: a surrogate pair may straddle two records.
      for (let i = 0; i < fits; i++) {
        units.push(wide ? this.view.getUint16(this.at + i * 2, true) : this.view.getUint8(this.at + i));
      }
      this.at += fits * width;
      left -= fits;
    }
    this.at += runs * 4 + ext;
    let text = '';
    for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
    return text;
  }
}

/** An RK number: a 30-bit integer or the high bits of a double, maybe divided by 100. */
function rkValue(rk: number): number {
  const scaled = (rk & 0x01) !== 0;
  let value: number;
  if (rk & 0x02) value = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, rk & 0xfffffffc, true);
    value = view.getFloat64(0, true);
  }
  return scaled ? value / 100 : value;
}

/** Excel's built-in date and time formats (ids 14–22, 45–47). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** xlrd's test: a format is a date when it has date letters outside quotes, escapes and [colours]. */
function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/general/i.test(bare)) return false;
  return /[dmyhs]/i.test(bare);
}

/** A date cell's text: the serial number as a date (1900 or 1904 system), as in our .xlsx reading. */
function dateCellText(serial: number, from1904: boolean): string {
  const epoch = from1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return dateText(new Date(epoch + Math.round(serial * 86_400_000)));
}

/** Reads the sheets of a BIFF8 workbook stream. */
export function readBiff8(stream: Uint8Array): XlsSheet[] {
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const sheetsAt: { name: string; offset: number }[] = [];
  let shared: string[] = [];
  let from1904 = false;
  let first = true;
  for (const record of records(stream)) {
    const view = new DataView(record.data.buffer, record.data.byteOffset, record.data.byteLength);
    if (first) {
      first = false;
      if (record.type !== RECORD.BOF || record.data.length < 4) damaged();
      const version = view.getUint16(0, true);
      if (version !== 0x0600) {
        stop(
          'the .xls workbook is from Excel 95 or older: open it in Excel or LibreOffice and save it as .xlsx',
        );
      }
      continue;
    }
    if (record.type === RECORD.EOF) break;
    const reader = new StringReader(record);
    switch (record.type) {
      case RECORD.FILEPASS:
        stop(
          'the workbook is password-protected: remove the password in Excel (File → Info) and upload it again',
        );
        break;
      case RECORD.DATEMODE:
        from1904 = view.getUint16(0, true) === 1;
        break;
      case RECORD.FORMAT: {
        const id = reader.u16();
        formats.set(id, reader.string(reader.u16()));
        break;
      }
      case RECORD.XF:
        xfFormats.push(view.getUint16(2, true));
        break;
      case RECORD.BOUNDSHEET: {
        const offset = reader.u32();
        reader.u8();
        const kind = reader.u8();
        const name = reader.string(reader.u8());
        if (kind === 0) sheetsAt.push({ name, offset });
        break;
      }
      case RECORD.SST: {
        reader.u32();
        const unique = reader.u32();
        shared = [];
        for (let i = 0; i < unique && reader.at < record.data.length; i++)
          shared.push(reader.string(reader.u16()));
        break;
      }
    }
  }
  if (first) damaged();
  const isDate = (xf: number) => {
    const id = xfFormats[xf];
    if (id === undefined) return false;
    const custom = formats.get(id);
    return custom === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(custom);
  };
  const numberCell = (value: number, xf: number) =>
    // Whole numbers read without a decimal point, as xlrd gives them to pyxform.
    isDate(xf) ? dateCellText(value, from1904) : String(value);
  return sheetsAt.map(({ name, offset }) => {
    if (offset >= stream.length) damaged();
    return { name, rows: readSheetCells(stream.subarray(offset), shared, numberCell) };
  });
}

function readSheetCells(
  stream: Uint8Array,
  shared: string[],
  numberCell: (value: number, xf: number) => string,
): Map<number, Map<number, string>> {
  const rows = new Map<number, Map<number, string>>();
  const put = (row: number, col: number, text: string) => {
    const cells = rows.get(row + 1) ?? new Map<number, string>();
    rows.set(row + 1, cells);
    cells.set(col + 1, text);
  };
  let pendingFormula: { row: number; col: number } | null = null;
  let first = true;
  for (const record of records(stream)) {
    if (first) {
      first = false;
      if (record.type !== RECORD.BOF) damaged();
      continue;
    }
    if (record.type === RECORD.EOF) break;
    if (record.type === RECORD.STRING) {
      if (!pendingFormula) continue;
      const reader = new StringReader(record);
      put(pendingFormula.row, pendingFormula.col, reader.string(reader.u16()));
      pendingFormula = null;
      continue;
    }
    if (record.data.length < 8) continue;
    const view = new DataView(record.data.buffer, record.data.byteOffset, record.data.byteLength);
    const row = view.getUint16(0, true);
    const col = view.getUint16(2, true);
    const xf = view.getUint16(4, true);
    switch (record.type) {
      case RECORD.LABELSST:
        if (record.data.length < 10) damaged();
        put(row, col, shared[view.getUint32(6, true)] ?? '');
        break;
      case RECORD.LABEL:
      case RECORD.RSTRING: {
        const reader = new StringReader(record, 6);
        put(row, col, reader.string(reader.u16()));
        break;
      }
      case RECORD.NUMBER:
        if (record.data.length < 14) damaged();
        put(row, col, numberCell(view.getFloat64(6, true), xf));
        break;
      case RECORD.RK:
        if (record.data.length < 10) damaged();
        put(row, col, numberCell(rkValue(view.getUint32(6, true)), xf));
        break;
      case RECORD.MULRK: {
        const last = view.getUint16(record.data.length - 2, true);
        for (let c = col, at = 4; c <= last && at + 6 <= record.data.length - 2; c++, at += 6) {
          put(row, c, numberCell(rkValue(view.getUint32(at + 2, true)), view.getUint16(at, true)));
        }
        break;
      }
      case RECORD.BOOLERR:
        // An error cell (#N/A…) has no text pyxform would read; a boolean reads TRUE or FALSE.
        if (view.getUint8(7) === 0) put(row, col, view.getUint8(6) ? 'TRUE' : 'FALSE');
        break;
      case RECORD.FORMULA: {
        if (record.data.length < 14) damaged();
        const kind = view.getUint8(6);
        if (view.getUint16(12, true) !== 0xffff) put(row, col, numberCell(view.getFloat64(6, true), xf));
        else if (kind === 0) pendingFormula = { row, col };
        else if (kind === 1) put(row, col, view.getUint8(8) ? 'TRUE' : 'FALSE');
        break;
      }
    }
  }
  if (first) damaged();
  return rows;
}
