import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkXlsForm } from '../check.ts';
import { Form } from '../model.ts';
import { exportXlsForm } from './export.ts';
import { importXlsForm } from './import.ts';
import { compareWithXForm } from './testing/compare.ts';
import { sheetsFromCsv, sheetsFromMarkdown, workbookBytes } from './testing/workbook.ts';
import { readXForm } from './testing/xform.ts';
import { parseXml } from './testing/xml.ts';

// pyxform's example forms (v4.5.0), read from outside the repository; see its README.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const folder = resolve(
  repoRoot,
  process.env.XLSFORM_CONFORMANCE_DIR ?? '../shared/conformance/xlsform-pyxform/example_xls',
);
const expectedFolder = resolve(folder, '../expected_output');
const present = existsSync(folder);

/** Forms pyxform 4.5 rejects (through xls2xform), and the column our error must point at. */
const INVALID: Record<string, string> = {
  'bad_calc.xlsx': 'calculation',
  // pyxform only resolves `include` when the included form is beside it, which xls2xform never passes.
  'include.xlsx': 'type',
  'include_json.xlsx': 'type',
  // A geopoint with no label: pyxform fails writing its XForm ("has no label or hint").
  'gps.csv': 'label',
};

/** Legacy .xls forms with no .xlsx, .md or .csv twin: left out, since we do not read Excel 97 files. */
const LEFT_OUT_XLS_ONLY = [
  'allow_comment_rows_test.xls',
  'calculate.xls',
  'cascading_select_test_equivalent.xls',
  'choice_name_as_type.xls',
  'choice_name_same_as_select_name.xls',
  'default_time_demo.xls',
  'hidden.xls',
  'repeat_date_test.xls',
  'sms_info.xls',
  'style_settings.xls',
  'table-list.xls',
  'tutorial.xls',
  'unknown_question_type.xls',
  'xml_escaping.xls',
];
/** `.md`/`.csv` files that are not forms: the CSV attachment of pull_data. */
const DATA_FILES = ['fruits.csv'];
/** Expected XForms and the workbook (or twin) they were made from. */
const EXPECTED_XFORMS: [string, string][] = [
  ['expected_output/attribute_columns_test.xml', 'attribute_columns_test.xlsx'],
  ['expected_output/flat_xlsform_test.xml', 'flat_xlsform_test.xlsx'],
  ['expected_output/or_other.xml', 'or_other.xlsx'],
  ['expected_output/pull_data.xml', 'pull_data.xlsx'],
  ['expected_output/survey_no_name.xml', 'survey_no_name.xlsx'],
  ['expected_output/xlsform_spec_test.xml', 'xlsform_spec_test.xlsx'],
];
/** Expected outputs not compared, and why. */
const LEFT_OUT_XFORMS: Record<string, string> = {
  'example_xls/spec_test_expected_output.xml':
    'made from an older revision of xlsform_spec_test (it lacks my_name, address, launch… and has some_text, ' +
    'num_repeat_times); expected_output/xlsform_spec_test.xml is compared instead',
  'expected_output/widgets.xml':
    'made from widgets.xls; its widgets.csv twin is an older, shorter form (no grid or table-list rows)',
  'example_xls/widgets.xml': 'same as expected_output/widgets.xml',
  'expected_output/default_time_demo.xml': 'legacy .xls only, no twin',
  'expected_output/repeat_date_test.xml': 'legacy .xls only, no twin',
  'expected_output/table-list.xml': 'legacy .xls only, no twin',
  'expected_output/xml_escaping.xml': 'legacy .xls only, no twin',
};

async function bytesOf(file: string): Promise<Uint8Array> {
  const path = join(folder, file);
  if (file.endsWith('.csv')) return workbookBytes(sheetsFromCsv(readFileSync(path, 'utf8')));
  if (file.endsWith('.md')) return workbookBytes(sheetsFromMarkdown(readFileSync(path, 'utf8')));
  return new Uint8Array(readFileSync(path));
}

const files = present ? readdirSync(folder) : [];
const xlsxFiles = files.filter((f) => /\.xlsx$/.test(f)).sort();

// Workbooks of 1,000 formatted rows take seconds to read on a busy machine.
describe('pyxform conformance corpus', { timeout: 60_000 }, () => {
  // Only a missing corpus shows as skipped (with where to put it); under CI it must be there.
  if (process.env.CI === 'true') {
    it('is present when running in CI', () => {
      expect(present, `conformance folder missing: ${folder}`).toBe(true);
    });
  } else if (!present) {
    console.warn(
      `[conformance] no corpus at ${folder}: its tests are left out (set XLSFORM_CONFORMANCE_DIR)`,
    );
  }

  it.runIf(present).each(xlsxFiles)('%s imports as pyxform decides', async (file) => {
    const result = await importXlsForm(await bytesOf(file), file);
    const column = INVALID[file];
    if (column) {
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors[0]).toMatchObject({ sheet: 'survey', row: expect.any(Number), column });
      return;
    }
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    // Export and re-import changes nothing.
    const again = await importXlsForm(await exportXlsForm(result.form), file);
    expect(again.ok && Form.parse(again.form)).toEqual(Form.parse(result.form));
  });

  const twins = files.filter((f) => /\.(md|csv)$/.test(f) && !DATA_FILES.includes(f));
  it.runIf(present).each(twins)('%s (markdown/CSV twin) imports like its workbook', async (file) => {
    const result = await importXlsForm(await bytesOf(file), file);
    const workbook = file.replace(/\.(md|csv)$/, '.xlsx');
    if (!files.includes(workbook)) {
      // The form exists only as this twin and a legacy .xls.
      const column = INVALID[file];
      if (column)
        expect(result.ok ? [] : result.errors[0]).toMatchObject({ row: expect.any(Number), column });
      else expect(result.ok ? [] : result.errors).toEqual([]);
      return;
    }
    const expected = await importXlsForm(await bytesOf(workbook), workbook);
    expect(result.ok).toBe(expected.ok);
    if (result.ok && expected.ok) expect(Form.parse(result.form)).toEqual(Form.parse(expected.form));
  });

  it.runIf(present).each(files.filter((f) => f.endsWith('.xls')))(
    '%s gets the legacy .xls message',
    async (file) => {
      const result = await importXlsForm(await bytesOf(file), file);
      expect(result).toMatchObject({
        ok: false,
        errors: [{ message: expect.stringContaining('legacy Excel 97-2003') }],
      });
    },
  );

  it.runIf(present)('lists every legacy-only form it leaves out', () => {
    const xlsOnly = files.filter((f) => {
      const base = f.replace(/\.xls$/, '');
      return (
        f.endsWith('.xls') &&
        !files.some((g) => g !== f && g.startsWith(`${base}.`) && /\.(xlsx|md|csv)$/.test(g))
      );
    });
    expect(xlsOnly.sort()).toEqual([...LEFT_OUT_XLS_ONLY].sort());
  });

  it.runIf(present)('accounts for every expected output', () => {
    const compared = [...EXPECTED_XFORMS.map(([xml]) => xml), 'expected_output/yes_or_no_question.json'];
    const all = [
      ...readdirSync(expectedFolder).map((f) => `expected_output/${f}`),
      ...files.filter((f) => f.endsWith('.xml')).map((f) => `example_xls/${f}`),
    ];
    expect(all.filter((f) => !compared.includes(f) && !LEFT_OUT_XFORMS[f])).toEqual([]);
  });

  it.runIf(present).each(EXPECTED_XFORMS)('%s matches %s field by field', async (xmlFile, formFile) => {
    const result = await importXlsForm(await bytesOf(formFile), formFile);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const xform = readXForm(parseXml(readFileSync(resolve(folder, '..', xmlFile), 'utf8')));
    const { mismatches, fieldsCompared } = compareWithXForm(result.form, xform);
    expect(mismatches).toEqual([]);
    expect(fieldsCompared).toBeGreaterThan(3);
  });

  it.runIf(present)("yes_or_no_question.xlsx matches pyxform's JSON of it field by field", async () => {
    interface PyxformJson {
      title: string;
      id_string: string;
      children: { type: string; name: string; list_name?: string; label?: Record<string, string> }[];
      choices: Record<string, { name: string; label: Record<string, string> }[]>;
    }
    const json: PyxformJson = JSON.parse(
      readFileSync(join(expectedFolder, 'yes_or_no_question.json'), 'utf8'),
    );
    const check = await checkXlsForm(await bytesOf('yes_or_no_question.xlsx'), 'yes_or_no_question.xlsx');
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    expect([check.title, check.formId]).toEqual([json.title, json.id_string]);
    const questions = json.children.filter((c) => c.name !== 'meta');
    expect(check.questions.map((q) => [q.path, q.type.replace('_', ' '), q.list, q.label])).toEqual(
      questions.map((c) => [`/${c.name}`, c.type, c.list_name ?? null, c.label ?? {}]),
    );
    expect(check.choices).toEqual(json.choices);
  });
});
