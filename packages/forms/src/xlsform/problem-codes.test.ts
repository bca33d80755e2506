// Every import problem carries a stable code, so screens word it in the reader's language (issue #6).
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IMPORT_PROBLEMS, type ImportProblemCode, problemMessage } from '../problem-codes.ts';
import type { Problem } from '../problems.ts';
import { importXlsForm } from './import.ts';
import { yesNo } from './testing/import-errors.ts';
import { type SheetRows, workbookBytes } from './testing/workbook.ts';
import { ole2 } from './testing/xls.ts';

async function problemsOf(bytes: Uint8Array, fileName = 'form.xlsx'): Promise<Problem[]> {
  const result = await importXlsForm(bytes, fileName);
  return result.ok ? result.warnings : [...result.errors, ...result.warnings];
}

/** A code is well used when it is one of ours and its parameters fill every placeholder of its sentence. */
function expectWellCoded(problem: Problem) {
  expect(Object.hasOwn(IMPORT_PROBLEMS, problem.code), problem.message).toBe(true);
  expect(problem.message).toBe(problemMessage(problem.code, problem.params));
  const wanted = [...IMPORT_PROBLEMS[problem.code].matchAll(/(?<!\$)\{(\w+)\}/g)].map((m) => m[1]!);
  expect(Object.keys(problem.params).sort(), problem.code).toEqual(expect.arrayContaining(wanted));
}

const survey = (...rows: SheetRows): SheetRows => [
  ['type', 'name', 'label', 'parameters', 'relevant'],
  ...rows,
];
const text = (s: string) => new TextEncoder().encode(s);
const halfWorkbook = async () => {
  const whole = await workbookBytes({ survey: survey(['text', 'a', 'A']) });
  return whole.subarray(0, whole.length - 40);
};
const zipOfNotes = async () => {
  const zip = new JSZip();
  zip.file('notes.txt', 'hello');
  return zip.generateAsync({ type: 'uint8array' });
};

/** Broken uploads, one per problem that was English only before it had a code, with its code and sentence. */
const CASES: [ImportProblemCode, () => Promise<[Uint8Array, string]> | [Uint8Array, string], string][] = [
  [
    'form.xlsform.file.zip_damaged',
    async () => [await halfWorkbook(), 'form.xlsx'],
    'the workbook is damaged (its zip directory cannot be read): save it again as .xlsx',
  ],
  [
    'form.xlsform.file.zip_not_workbook',
    async () => [await zipOfNotes(), 'notes.zip'],
    '"notes.zip" is a zip file but not an Excel workbook: upload an .xlsx or .xlsm file',
  ],
  [
    'form.xlsform.file.password_protected',
    () => [ole2({ EncryptedPackage: new Uint8Array(64) }), 'locked.xlsx'],
    'the workbook is password-protected: remove the password in Excel (File → Info) and upload it again',
  ],
  [
    'form.xlsform.file.xls_too_old',
    () => [ole2({ Book: new Uint8Array(64) }), 'old.xls'],
    'the .xls workbook is from Excel 95 or older: open it in Excel or LibreOffice and save it as .xlsx',
  ],
  [
    'form.xlsform.file.office_not_workbook',
    () => [ole2({ WordDocument: new Uint8Array(64) }), 'letter.doc'],
    'the file is an old Office document, not an Excel workbook: save it as .xlsx',
  ],
  [
    'form.xlsform.file.not_csv_form',
    () => [text('type,name\ntext,a\n'), 'form.csv'],
    '"form.csv" does not look like a CSV form (| survey | … rows for markdown, "survey" then ",type,name" rows for CSV): upload an Excel workbook, or write the form as pyxform does',
  ],
  [
    'form.xlsform.file.not_markdown_form',
    () => [text('just some notes\nabout a form\n'), 'form.md'],
    '"form.md" does not look like a markdown table of sheets (| survey | … rows for markdown, "survey" then ",type,name" rows for CSV): upload an Excel workbook, or write the form as pyxform does',
  ],
  [
    'form.xlsform.type.include',
    async () => [await workbookBytes({ survey: survey(['include', 'other', 'Other']) }), 'form.xlsx'],
    '"include" is not supported: pyxform only resolves it with the included form beside it; copy its rows in',
  ],
];

/** Broken rows of one workbook (past the survey sheet's own checks), each with the problem it must raise. */
const ROWS: [ImportProblemCode, SheetRows[number], string][] = [
  [
    'form.xlsform.parameters.none_taken',
    ['integer', 'age', 'Age', 'rows=3'],
    '"integer" takes no parameters; they are kept as written',
  ],
  [
    'form.xlsform.parameters.unknown',
    ['text', 'notes', 'Notes', 'colour=red'],
    '"text" does not take the parameter "colour" (it takes rows)',
  ],
  [
    'form.xlsform.parameters.not_number',
    ['range', 'r1', 'R1', 'start=low'],
    'the parameter start=low must be a number',
  ],
  [
    'form.xlsform.parameters.not_whole_number',
    ['text', 'long', 'Long', 'rows=2.5'],
    'the parameter rows=2.5 must be a whole number',
  ],
  [
    'form.xlsform.parameters.not_boolean',
    ['select_one yn', 's1', 'S1', 'randomize=maybe'],
    'the parameter randomize=maybe must be true or false',
  ],
  [
    'form.xlsform.parameters.not_number_or_reference',
    ['select_one yn', 's2', 'S2', 'randomize=true seed=abc'],
    'the parameter seed=abc must be a number or a ${reference}',
  ],
  [
    'form.xlsform.parameters.not_one_of',
    ['audio', 'voice', 'Voice', 'quality=best'],
    'the parameter quality=best must be one of normal, low, voice-only, external',
  ],
  [
    'form.xlsform.parameters.seed_without_randomize',
    ['select_one yn', 's3', 'S3', 'seed=4'],
    'the parameter seed needs randomize=true too',
  ],
  [
    'form.xlsform.parameters.step_zero',
    ['range', 'r2', 'R2', 'step=0'],
    'the parameter step=0 must not be zero',
  ],
  [
    'form.xlsform.function.unsupported',
    ['text', 'f1', 'F1', '', "pulldata('a', 'b', 'c', 'd') = 'x'"],
    'the function pulldata() is kept but not supported yet',
  ],
  [
    'form.xlsform.select.file_name',
    ['select_one_from_file places', 'place', 'Place'],
    '"places" must be a file name ending in .csv, .xml or .geojson',
  ],
  [
    'form.xlsform.select.file_not_csv',
    ['select_one_from_file areas.geojson', 'area', 'Area'],
    'choices from an XML or GeoJSON file ("areas.geojson") are kept but only CSV is supported yet',
  ],
];

describe('every import problem has a code', () => {
  it.each(CASES)('a file refused with %s, its English sentence as before', async (code, make, sentence) => {
    const [bytes, fileName] = await make();
    const problems = await problemsOf(bytes, fileName);
    for (const problem of problems) expectWellCoded(problem);
    expect(problems.map((p) => [p.code, p.message])).toContainEqual([code, sentence]);
  });

  it('rows refused or kept with a warning, each at its row with its code', async () => {
    const rows = ROWS.map(([, row]) => row);
    const problems = await problemsOf(await workbookBytes({ survey: survey(...rows), choices: yesNo }));
    for (const problem of problems) expectWellCoded(problem);
    ROWS.forEach(([code, , sentence], i) => {
      expect(problems, code).toContainEqual(expect.objectContaining({ row: i + 2, code, message: sentence }));
    });
  });

  it('a formula with a function no one knows, kept with a coded warning', async () => {
    const rows = survey(['text', 'a', 'A', '', 'frobnicate(1) = 1']);
    const problems = await problemsOf(await workbookBytes({ survey: rows }));
    for (const problem of problems) expectWellCoded(problem);
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'relevant',
        code: 'form.xlsform.expression.kept',
        message: "unknown function 'frobnicate'; kept as written",
      }),
    ]);
  });

  it('any text uploaded as a form is refused or kept only with coded problems', async () => {
    const cell = fc.constantFrom(
      'survey',
      'type',
      'name',
      'label',
      'text',
      'begin_group',
      'rows=x',
      '${a}',
      '',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }),
        fc.constantFrom('form.md', 'form.csv'),
        async (lines, fileName) => {
          const join = fileName.endsWith('.md')
            ? (row: string[]) => `| ${row.join(' | ')} |`
            : (row: string[]) => row.join(',');
          const problems = await problemsOf(text(lines.map(join).join('\n')), fileName);
          for (const problem of problems) expectWellCoded(problem);
        },
      ),
      { numRuns: 60 },
    );
  });
});
