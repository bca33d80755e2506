import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Form } from '../model.ts';
import { DEFAULT_LIMITS } from './container.ts';
import { importXlsForm } from './import.ts';
import { workbookBytes } from './testing/workbook.ts';
import { ole2, xlsBytes } from './testing/xls.ts';
import { csvRows, readCsvSheets, readMarkdownSheets } from './text-sheets.ts';
import { readWorkbook } from './workbook-formats.ts';
import { ole2Streams } from './xls.ts';

const form = {
  survey: [
    ['type', 'name', 'label', 'default'],
    ['integer', 'age', 'Age (years)', 18],
    ['decimal', 'height', 'Height', 1.75],
    ['acknowledge', 'ok', 'Agree?', true],
    ['date', 'visit', 'Visit', new Date(Date.UTC(2024, 4, 1))],
  ],
};

async function imported(bytes: Uint8Array, fileName: string) {
  const result = await importXlsForm(bytes, fileName);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return Form.parse(result.form);
}

describe('legacy .xls workbooks', () => {
  it('read like the same .xlsx: text, numbers, booleans and dates', async () => {
    const fromXls = await imported(xlsBytes(form), 'form.xls');
    expect(fromXls).toEqual(await imported(await workbookBytes(form), 'form.xlsx'));
    expect(fromXls.survey.map((q) => q.bind.default)).toEqual(['18', '1.75', 'TRUE', '2024-05-01 00:00:00']);
  });

  it('give the same located errors as .xlsx', async () => {
    const broken = {
      survey: [
        ['type', 'name', 'label'],
        ['text', 'a', 'A'],
        ['slect_one yn', 'b', 'B'],
        ['integer', '1x', 'C'],
      ],
    };
    const xls = await importXlsForm(xlsBytes(broken), 'broken.xls');
    const xlsx = await importXlsForm(await workbookBytes(broken), 'broken.xlsx');
    expect(xls.ok).toBe(false);
    if (xls.ok || xlsx.ok) return;
    expect(xls.errors).toEqual(xlsx.errors);
    expect(xls.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['survey', 3, 'type'],
      ['survey', 4, 'name'],
    ]);
  });

  it('reads shared strings split across CONTINUE records, and inline strings', async () => {
    const sheets = {
      survey: [
        ['type', 'name', 'label'],
        ['text', 'a', 'A long label that does not fit in one record ŋ 🍔'],
        ['text', 'b', 'Another, in isiZulu: Ngubani igama lakho?'],
      ],
    };
    const expected = await imported(await workbookBytes(sheets), 'f.xlsx');
    expect(await imported(xlsBytes(sheets, { sstChunk: 13 }), 'f.xls')).toEqual(expected);
    expect(await imported(xlsBytes(sheets, { inlineStrings: true }), 'f.xls')).toEqual(expected);
  });

  it('any text reads back the same from .xls and .xlsx', async () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 6, max: 60 }),
        async (rows, chunk) => {
          const sheets = { survey: [['type', 'name', 'label', 'hint'], ...rows] };
          const xls = await readWorkbook(xlsBytes(sheets, { sstChunk: chunk }), 'f.xls', DEFAULT_LIMITS);
          const xlsx = await readWorkbook(await workbookBytes(sheets), 'f.xlsx', DEFAULT_LIMITS);
          expect(xls.sheets).toEqual(xlsx.sheets);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});

describe("pyxform's cleaning of cell text", () => {
  it('typographic quotes become plain ones; survey spaces collapse unless clean_text_values is no', async () => {
    const sheets = (clean?: string) => ({
      survey: [
        ['type', 'name', 'label', 'relevant'],
        ['select_one yn', 'any_trees', 'Any trees?'],
        ['begin_group', 'trees', 'Trees  in the “plot”', '${any_trees} = ‘yes’'],
        ['text', 'kind', 'Kind', ''],
        ['end_group'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', '‘Yes’'],
      ],
      ...(clean ? { settings: [['clean_text_values'], [clean]] } : {}),
    });
    const form = await imported(xlsBytes(sheets()), 'ucl.xls');
    const group = form.survey[1]!;
    expect(group.bind.relevant).toBe("${any_trees} = 'yes'");
    expect(group.label.default).toBe('Trees in the "plot"');
    expect(form.choices.yn?.[0]?.label.default).toBe("'Yes'");
    const kept = await imported(await workbookBytes(sheets('no')), 'ucl.xlsx');
    expect(kept.survey[1]!.label.default).toBe('Trees  in the "plot"');
  });
});

describe("pyxform's reading of a sheet's extent", () => {
  const rows = (gap: number) => [
    ['type', 'name', 'label'],
    ['text', 'a', 'A'],
    ...Array.from({ length: gap }, () => []),
    ['text', 'b', 'B'],
  ];

  it('a sheet ends after 60 empty rows, in .xlsx and .xls alike', async () => {
    for (const make of [
      async (s: Record<string, unknown[][]>) => ({ bytes: await workbookBytes(s as never), name: 'f.xlsx' }),
      async (s: Record<string, unknown[][]>) => ({ bytes: xlsBytes(s as never), name: 'f.xls' }),
    ]) {
      const kept = await make({ survey: rows(60) });
      expect((await imported(kept.bytes, kept.name)).survey.map((q) => q.name)).toEqual(['a', 'b']);
      const cut = await make({ survey: rows(61) });
      expect((await imported(cut.bytes, cut.name)).survey.map((q) => q.name)).toEqual(['a']);
    }
  });

  it('headers end after 20 empty columns; a cell under no header is not read', async () => {
    const header = ['type', 'name', 'label', ...Array.from({ length: 21 }, () => undefined), 'hint'];
    const sheet = (
      await readWorkbook(xlsBytes({ survey: [header, ['text', 'a', 'A']] }), 'f.xls', DEFAULT_LIMITS)
    ).sheets[0]!;
    expect(sheet.headers.map((h) => h.text)).toEqual(['type', 'name', 'label']);
    const near = ['type', 'name', ...Array.from({ length: 20 }, () => undefined), 'label'];
    const read = (
      await readWorkbook(
        await workbookBytes({ survey: [near, ['text', 'a', 'A']] }),
        'f.xlsx',
        DEFAULT_LIMITS,
      )
    ).sheets[0]!;
    expect(read.headers.map((h) => [h.col, h.text])).toEqual([
      [1, 'type'],
      [2, 'name'],
      [23, 'label'],
    ]);
    expect([...read.rows[0]!.cells]).toEqual([
      [1, 'text'],
      [2, 'a'],
    ]);
  });
});

describe('markdown and CSV forms (as pyxform reads them)', () => {
  const markdown = `
    | survey |
    |        | type    | name | label          |
    |        | text    | a    | A \\| or B     |
    # a comment line
    |        | integer | n    | How many?      | # a comment after the table
    | choices |
    |         | list_name | name | label |
    |         | yn        | yes  | Yes   |
  `;

  it('reads markdown tables: sheets, escaped pipes, comments, rows counted from the header', () => {
    const [survey, choices] = readMarkdownSheets(markdown);
    expect(survey).toEqual({
      name: 'survey',
      headerRow: 1,
      headers: [
        { col: 1, text: 'type' },
        { col: 2, text: 'name' },
        { col: 3, text: 'label' },
      ],
      rows: [
        {
          row: 2,
          cells: new Map([
            [1, 'text'],
            [2, 'a'],
            [3, 'A | or B'],
          ]),
        },
        {
          row: 3,
          cells: new Map([
            [1, 'integer'],
            [2, 'n'],
            [3, 'How many?'],
          ]),
        },
      ],
    });
    expect(choices?.rows).toHaveLength(1);
  });

  it('reads CSV: quotes, doubled quotes, new lines inside quotes, CRLF', () => {
    expect(csvRows('a,"b,c","say ""hi""","two\nlines"\r\nx,\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['x', ''],
    ]);
    const [survey] = readCsvSheets('"SURVEY",,,\n,type,name,label\n,text,a,"A, or B"\n,,,\n,integer,n,N\n');
    expect(survey?.name).toBe('SURVEY');
    expect(survey?.rows.map((r) => [r.row, [...r.cells.values()]])).toEqual([
      [2, ['text', 'a', 'A, or B']],
      [3, ['integer', 'n', 'N']],
    ]);
  });

  it('any cells written as markdown or CSV read back as written', () => {
    const cell = fc
      .stringMatching(/^[\w ,"'|é🍔-]{1,10}$/u)
      .filter((s) => s.trim() !== '' && !s.includes('\\'));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const table = [['type', 'name', 'label'], ...rows];
          const md = [
            '| survey |',
            ...table.map((r) => `| | ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`),
          ];
          const csv = [
            'survey',
            ...table.map((r) => `,${r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')}`),
          ];
          const expected = rows.map((r) => r.map((c) => c.trim()));
          for (const sheet of [readMarkdownSheets(md.join('\n'))[0]!, readCsvSheets(csv.join('\n'))[0]!]) {
            expect(sheet.rows.map((r) => [...r.cells.values()])).toEqual(expected);
          }
        },
      ),
    );
  });

  it('a markdown or CSV form imports like the same workbook', async () => {
    const fromMd = await imported(new TextEncoder().encode(markdown), 'form.md');
    const fromCsv = await imported(
      new TextEncoder().encode(
        'survey\n,type,name,label\n,text,a,A | or B\n,integer,n,How many?\nchoices\n,list_name,name,label\n,yn,yes,Yes\n',
      ),
      'form.csv',
    );
    const fromXlsx = await imported(
      await workbookBytes({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'a', 'A | or B'],
          ['integer', 'n', 'How many?'],
        ],
        choices: [
          ['list_name', 'name', 'label'],
          ['yn', 'yes', 'Yes'],
        ],
      }),
      'form.xlsx',
    );
    expect(fromMd).toEqual(fromXlsx);
    expect(fromCsv).toEqual(fromXlsx);
  });
});

describe('damaged or hostile files', () => {
  it('a .xls with any bytes changed is read or refused in words, never a crash', async () => {
    const original = xlsBytes({
      ...form,
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', 'Yes'],
      ],
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        async (changes) => {
          const bytes = Uint8Array.from(original);
          for (const [at, value] of changes) bytes[at] = value;
          const result = await importXlsForm(bytes, 'f.xls');
          if (!result.ok) expect(result.errors[0]?.message).toEqual(expect.any(String));
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('a .xls with a password to open is told apart', async () => {
    const result = await importXlsForm(xlsBytes(form, { password: true }), 'locked.xls');
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      'the workbook is password-protected: remove the password in Excel (File → Info) and upload it again',
    ]);
  });

  it('a .xls whose records are cut short anywhere is refused in words, never a crash', async () => {
    const streams = ole2Streams(xlsBytes(form))!;
    const workbook = streams.get('Workbook')!;
    for (let cut = 0; cut < workbook.length; cut += 3) {
      const shortened = Uint8Array.from(workbook);
      // Shrink one record's declared length: its reader then finds less than it expects.
      const view = new DataView(shortened.buffer);
      for (let at = 0; at + 4 <= shortened.length; at += 4 + view.getUint16(at + 2, true)) {
        if (at >= cut) {
          view.setUint16(at + 2, Math.min(view.getUint16(at + 2, true), cut % 5), true);
          break;
        }
      }
      const result = await importXlsForm(ole2({ Workbook: shortened }), 'f.xls');
      if (!result.ok) expect(result.errors[0]?.message).toEqual(expect.any(String));
    }
  }, 120_000);

  it('any text given as markdown or CSV is read or refused in words, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom('f.md', 'f.csv', 'f'),
        async (text, name) => {
          const result = await importXlsForm(new TextEncoder().encode(`| survey |\n${text}`), name);
          if (!result.ok) expect(result.errors[0]?.message).toEqual(expect.any(String));
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
