import CFB from 'cfb';

/** A cell of a test .xls: text, a number, a boolean, or a date (written as a date-formatted serial). */
export type XlsCell = string | number | boolean | Date | undefined;

export interface XlsOptions {
  /** Split the shared-string table into CONTINUE records of at most this many bytes. */
  sstChunk?: number;
  /** Write text as LABEL records (inline strings) instead of the shared-string table. */
  inlineStrings?: boolean;
  /** Leave these rows empty before the rows given (1-based row numbers of the rows given start after). */
  rowOffset?: number;
  /** Write a FILEPASS record, as Excel does for a workbook with a password to open. */
  password?: boolean;
}

function record(type: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, type, true);
  view.setUint16(2, data.length, true);
  out.set(data, 4);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** BIFF8 string body: flags byte then UTF-16LE characters (always "wide", which readers must accept). */
function wide(text: string): Uint8Array {
  const out = new Uint8Array(1 + text.length * 2);
  out[0] = 1;
  for (let i = 0; i < text.length; i++) {
    out[1 + i * 2] = text.charCodeAt(i) & 0xff;
    out[2 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function u16(n: number) {
  const out = new Uint8Array(2);
  new DataView(out.buffer).setUint16(0, n, true);
  return out;
}
function u32(n: number) {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}
function cellHead(row: number, col: number, xf: number) {
  return concat([u16(row), u16(col), u16(xf)]);
}
function float(value: number) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setFloat64(0, value, true);
  return out;
}
const bof = (kind: number) => record(0x0809, concat([u16(0x0600), u16(kind), new Uint8Array(12)]));
const eof = () => record(0x000a, new Uint8Array(0));

/** The SST record and its CONTINUE records; a string split across records restates its flags byte. */
function sstRecords(strings: string[], chunk: number): Uint8Array[] {
  const records: Uint8Array[] = [];
  let current: number[] = [...u32(strings.length), ...u32(strings.length)];
  let type = 0x00fc;
  const flush = () => {
    records.push(record(type, new Uint8Array(current)));
    type = 0x003c;
    current = [];
  };
  for (const text of strings) {
    if (current.length + 5 > chunk) flush();
    current.push(...u16(text.length), 1);
    for (let i = 0; i < text.length; i++) {
      if (current.length + 2 > chunk) {
        flush();
        current.push(1);
      }
      current.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
    }
  }
  flush();
  return records;
}

/** Builds a legacy Excel 97 workbook (an OLE2 file with a BIFF8 `Workbook` stream). */
export function xlsBytes(sheets: Record<string, XlsCell[][]>, options: XlsOptions = {}): Uint8Array {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const sheetStreams = Object.entries(sheets).map(([, rows]) => {
    const cells: Uint8Array[] = [bof(0x0010)];
    rows.forEach((values, r) => {
      const row = r + (options.rowOffset ?? 0);
      values.forEach((value, col) => {
        if (value === undefined) return;
        if (typeof value === 'string') {
          if (options.inlineStrings) {
            cells.push(record(0x0204, concat([cellHead(row, col, 0), u16(value.length), wide(value)])));
            return;
          }
          if (!indexOf.has(value)) {
            indexOf.set(value, strings.length);
            strings.push(value);
          }
          cells.push(record(0x00fd, concat([cellHead(row, col, 0), u32(indexOf.get(value)!)])));
        } else if (typeof value === 'boolean') {
          cells.push(record(0x0205, concat([cellHead(row, col, 0), new Uint8Array([value ? 1 : 0, 0])])));
        } else if (value instanceof Date) {
          const serial = (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
          cells.push(record(0x0203, concat([cellHead(row, col, 1), float(serial)])));
        } else if (Number.isInteger(value) && Math.abs(value) < 2 ** 29) {
          // An RK record holding a whole number.
          cells.push(record(0x027e, concat([cellHead(row, col, 0), u32(((value << 2) | 0x02) >>> 0)])));
        } else cells.push(record(0x0203, concat([cellHead(row, col, 0), float(value)])));
      });
    });
    cells.push(eof());
    return concat(cells);
  });
  // XF 0 is General; XF 1 uses the built-in date format 14.
  const xf = (format: number) => record(0x00e0, concat([u16(0), u16(format), new Uint8Array(16)]));
  const names = Object.keys(sheets);
  const boundSheet = (name: string, offset: number) =>
    record(0x0085, concat([u32(offset), new Uint8Array([0, 0, name.length]), wide(name)]));
  const head = (offsets: number[]) =>
    concat([
      bof(0x0005),
      ...(options.password ? [record(0x002f, new Uint8Array(6))] : []),
      xf(0),
      xf(14),
      ...names.map((name, i) => boundSheet(name, offsets[i] ?? 0)),
      ...sstRecords(strings, options.sstChunk ?? 8224),
      eof(),
    ]);
  const headLength = head(names.map(() => 0)).length;
  const offsets: number[] = [];
  let at = headLength;
  for (const stream of sheetStreams) {
    offsets.push(at);
    at += stream.length;
  }
  return ole2({ Workbook: concat([head(offsets), ...sheetStreams]) });
}

/** An OLE2 compound file holding the given streams. */
export function ole2(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, content);
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}
