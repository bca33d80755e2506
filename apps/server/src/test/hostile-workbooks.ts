// Hostile .xlsx files for the import tests and the hostile-import benchmark, written byte by byte
// (exceljs would need the memory these are meant to cost the server).
import { crc32, deflateRawSync } from 'node:zlib';

interface Part {
  name: string;
  data: Buffer;
}

/** A zip of deflated parts, with the real sizes in its directory (the scan must not trust them anyway). */
export function zipOf(parts: Part[]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = deflateRawSync(part.data, { level: 9 });
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(part.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...locals, directory, end]);
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength) as Uint8Array<ArrayBuffer>;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const cell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
const row = (n: number, texts: string[]) =>
  `<row r="${n}">${texts.map((t, i) => cell(`${String.fromCharCode(65 + i)}${n}`, t)).join('')}</row>`;
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** A workbook of named sheets, each given as its rows' XML. */
export function workbookOf(
  sheets: { name: string; rows: string }[],
  sharedStrings?: string,
): Uint8Array<ArrayBuffer> {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    (sharedStrings
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : '') +
    '</Types>';
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets>${sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${ns}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('')}${
    sharedStrings ? `<Relationship Id="rIdS" Type="${ns}/sharedStrings" Target="sharedStrings.xml"/>` : ''
  }</Relationships>`;
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(types) },
    { name: '_rels/.rels', data: Buffer.from(rootRels) },
    { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: Buffer.from(sharedStrings) }] : []),
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.from(sheetXml(s.rows)),
    })),
  ]);
}

/**
 * A form whose survey declares `count` text questions. Type and label are shared strings (0 and
 * 1), as Excel writes repeated text, so that 640,000 questions fit in a 10 MB upload.
 */
export function manyQuestions(count: number): Uint8Array<ArrayBuffer> {
  const rows = [row(1, ['type', 'name', 'label'])];
  const shared = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
  for (let n = 2; n <= count + 1; n++) {
    rows.push(`<row r="${n}">${shared(`A${n}`, 0)}${cell(`B${n}`, `q${n}`)}${shared(`C${n}`, 1)}</row>`);
  }
  const strings =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>text</t></si><si><t>A question</t></si></sst>';
  return workbookOf([{ name: 'survey', rows: rows.join('') }], strings);
}

/**
 * A small form plus padding sheets that together unpack to just under `unpackedBytes`, no part
 * over `partBytes`: long runs of the same text, which deflate shrinks about a thousandfold.
 */
export function paddedWorkbook(unpackedBytes: number, partBytes: number): Uint8Array<ArrayBuffer> {
  const survey = { name: 'survey', rows: row(1, ['type', 'name', 'label']) + row(2, ['text', 'q1', 'Q1']) };
  const cellText = 'x'.repeat(4000);
  const perRow = row(1, [cellText]).length;
  const sheets = [survey];
  let left = unpackedBytes - 64 * 1024;
  while (left > perRow * 4) {
    const size = Math.min(partBytes - 64 * 1024, left);
    const rows: string[] = [];
    for (let n = 1; n * perRow < size; n++) rows.push(row(n, [cellText]));
    sheets.push({ name: `notes ${sheets.length}`, rows: rows.join('') });
    left -= size;
  }
  return workbookOf(sheets);
}
