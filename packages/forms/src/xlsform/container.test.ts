import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importXlsForm } from './import.ts';
import { workbookBytes } from './testing/workbook.ts';
import { ole2 } from './testing/xls.ts';

async function firstError(bytes: Uint8Array, fileName = 'form.xlsx', limits = {}) {
  const result = await importXlsForm(bytes, fileName, { limits });
  if (result.ok) throw new Error('expected the import to fail');
  expect(result.errors).toHaveLength(1);
  return result.errors[0];
}

const simpleSurvey = {
  survey: [
    ['type', 'name', 'label'],
    ['text', 'a', 'A'],
  ],
};

describe('files that are not a readable workbook', () => {
  it('tells a password-protected workbook and other Office files from a legacy .xls', async () => {
    expect(await firstError(ole2({ EncryptedPackage: new Uint8Array(64) }), 'form.xlsx')).toEqual({
      sheet: null,
      row: null,
      column: null,
      message:
        'the workbook is password-protected: remove the password in Excel (File → Info) and upload it again',
      code: 'form.xlsform.file.password_protected',
      params: {},
    });
    expect((await firstError(ole2({ WordDocument: new Uint8Array(64) }), 'letter.doc'))?.message).toBe(
      'the file is an old Office document, not an Excel workbook: save it as .xlsx',
    );
    expect((await firstError(ole2({ Book: new Uint8Array(64) }), 'old.xls'))?.message).toBe(
      'the .xls workbook is from Excel 95 or older: open it in Excel or LibreOffice and save it as .xlsx',
    );
    expect((await firstError(ole2({ Workbook: new Uint8Array([9, 8, 7]) }), 'form.xls'))?.message).toBe(
      'the .xls workbook is damaged and cannot be read: save it again as .xlsx',
    );
    const notCfb = new Uint8Array(600);
    notCfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await firstError(notCfb, 'form.xls'))?.message).toBe(
      'the .xls workbook is damaged and cannot be read: save it again as .xlsx',
    );
  });

  it('rejects something that is not a spreadsheet', async () => {
    const text = new TextEncoder().encode('type,name\ntext,a\n');
    expect((await firstError(text, 'form.csv'))?.message).toBe(
      '"form.csv" does not look like a CSV form (| survey | … rows for markdown, "survey" then ",type,name" rows for CSV): ' +
        'upload an Excel workbook, or write the form as pyxform does',
    );
    const binary = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00, 0x81]);
    expect((await firstError(binary, 'scan.pdf'))?.message).toBe(
      '"scan.pdf" is not a spreadsheet: upload an Excel workbook (.xlsx, .xlsm or .xls), or a form as UTF-8 .csv or .md',
    );
    expect((await firstError(new Uint8Array(0)))?.message).toBe('the file is empty');
  });

  it('rejects a damaged workbook and a zip that is not a workbook', async () => {
    const whole = await workbookBytes(simpleSurvey);
    expect((await firstError(whole.subarray(0, whole.length - 40)))?.message).toBe(
      'the workbook is damaged (its zip directory cannot be read): save it again as .xlsx',
    );
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    const other = await zip.generateAsync({ type: 'uint8array' });
    expect((await firstError(other, 'notes.zip'))?.message).toBe(
      '"notes.zip" is a zip file but not an Excel workbook: upload an .xlsx or .xlsm file',
    );
    const broken = new JSZip();
    broken.file('xl/workbook.xml', '<not-xml');
    const brokenBytes = await broken.generateAsync({ type: 'uint8array' });
    expect((await firstError(brokenBytes))?.message).toMatch(/^the workbook is damaged and cannot be read/);
  });

  it('limits the file size and the unpacked size (zip bombs)', async () => {
    const whole = await workbookBytes(simpleSurvey);
    expect((await firstError(whole, 'f.xlsx', { maxFileBytes: 1000 }))?.message).toMatch(
      /^the file is 0\.0 MB, more than the 0\.0 MB allowed for a form$/,
    );
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', new Uint8Array(5 * 1024 * 1024));
    const bombBytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bombBytes.length).toBeLessThan(100_000);
    expect((await firstError(bombBytes, 'f.xlsx', { maxUncompressedBytes: 1024 * 1024 }))?.message).toBe(
      'the workbook unpacks to more than 1.0 MB (a zip bomb or a very large file): remove unused sheets, images or formatting',
    );
  });

  it('measures what a zip really unpacks to, not the sizes its directory declares', async () => {
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', new Uint8Array(5 * 1024 * 1024));
    const bytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Lie in every header: each entry claims to unpack to 100 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let lies = 0;
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50 && view.getUint32(i + 22, true) > 100) {
        view.setUint32(i + 22, 100, true);
        lies++;
      } else if (signature === 0x02014b50 && view.getUint32(i + 24, true) > 100) {
        view.setUint32(i + 24, 100, true);
        lies++;
      }
    }
    expect(lies).toBe(2);
    expect((await firstError(bytes, 'f.xlsx', { maxUncompressedBytes: 1024 * 1024 }))?.message).toBe(
      'the workbook unpacks to more than 1.0 MB (a zip bomb or a very large file): remove unused sheets, images or formatting',
    );
    // A stream that is not deflate is damaged, not a crash.
    const broken = await new JSZip()
      .file('xl/workbook.xml', 'x'.repeat(1000))
      .generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const at = broken.indexOf(0x50) + 30 + 'xl/workbook.xml'.length;
    broken.fill(0xff, at, at + 8);
    expect((await firstError(broken))?.message).toMatch(/^the workbook is damaged/);
  });

  it('ignores macros with a warning (.xlsm)', async () => {
    const zip = await JSZip.loadAsync(await workbookBytes(simpleSurvey));
    zip.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
    const xlsm = await zip.generateAsync({ type: 'uint8array' });
    const result = await importXlsForm(xlsm, 'form.xlsm');
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        { sheet: null, row: null, column: null, message: 'the workbook contains macros; they are ignored' },
      ],
    });
  });
});
