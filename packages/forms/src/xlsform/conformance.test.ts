import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkXlsForm } from '../check.ts';
import { Form } from '../model.ts';
import { exportXlsForm } from './export.ts';
import { importXlsForm } from './import.ts';
import { compareWithXForm } from './testing/compare.ts';
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

/**
 * pyxform's outcome for every workbook (v4.5.0, `results.jsonl`): a refused workbook must be
 * refused by us too, for the same reason, which our first error points at (sheet and column).
 */
const SAME_REASON: Record<string, { pyxform: string; column: string }> = {
  // pyxform only resolves `include` when the included form is beside it, which xls2xform never passes.
  include: { pyxform: 'This section has not been included.', column: 'type' },
  include_json: { pyxform: 'This section has not been included.', column: 'type' },
  // A geopoint with no label: pyxform fails writing its XForm ("has no label or hint").
  gps: { pyxform: "The survey element named 'location' has no label or hint.", column: 'label' },
  unknown_question_type: {
    pyxform: "Headers that are different names for the same column were found: 'bind:relevant', 'relevance'",
    column: 'relevance',
  },
};

/** Workbooks whose outcome differs from pyxform's, on purpose, and why. */
const DIFFERENT_OUTCOME: Record<string, string> = {
  'bad_calc.xlsx':
    'its calculation has an unterminated string; pyxform writes it as is when ODK Validate is off (as results.jsonl ' +
    'was made), and ODK Validate (JavaRosa), which pyxform runs by default, refuses it: we refuse it at its cell',
};

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
  ['expected_output/default_time_demo.xml', 'default_time_demo.xls'],
  ['expected_output/repeat_date_test.xml', 'repeat_date_test.xls'],
  ['expected_output/table-list.xml', 'table-list.xls'],
  ['expected_output/xml_escaping.xml', 'xml_escaping.xls'],
  ['expected_output/widgets.xml', 'widgets.xls'],
];
/**
 * Differences between our model and an expected XForm that are not the importer's: nodes and
 * texts pyxform generates in the XForm itself, and types from an older pyxform.
 */
const ALLOWED_MISMATCHES: { pattern: RegExp; reason: string }[] = [
  {
    pattern:
      /generated_table_list_label_\d+: missing from our model$|^\/[^ ]+ label\[default\]: ours "[^"]*", pyxform undefined$/,
    reason:
      'a table-list group: pyxform moves its label into a generated note inside it, when writing the XForm',
  },
  {
    pattern: /^\/widgets\/my_trigger type: ours "string", pyxform undefined$/,
    reason:
      'expected_output/widgets.xml comes from an older pyxform that wrote acknowledge binds without a type',
  },
];

/** Expected outputs not compared, and why. */
const LEFT_OUT_XFORMS: Record<string, string> = {
  'example_xls/spec_test_expected_output.xml':
    'made from an older revision of xlsform_spec_test (it lacks my_name, address, launch… and has some_text, ' +
    'num_repeat_times); expected_output/xlsform_spec_test.xml is compared instead',
  'example_xls/widgets.xml': 'same as expected_output/widgets.xml, which is compared',
};

async function bytesOf(file: string): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(join(folder, file)));
}

const baseName = (file: string) => file.replace(/\.[^.]+$/, '');
const files = present ? readdirSync(folder) : [];
const workbooks = files.filter((f) => /\.(xlsx|xls|md|csv)$/.test(f) && !DATA_FILES.includes(f)).sort();
interface Outcome {
  file: string;
  ok: boolean;
  error?: string;
}
const outcomes = new Map<string, Outcome>(
  present
    ? readFileSync(resolve(folder, '../xforms-by-pyxform/results.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line): [string, Outcome] => {
          const outcome = JSON.parse(line) as Outcome;
          return [outcome.file, outcome];
        })
    : [],
);

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

  it.runIf(present)('has an outcome from pyxform for every workbook, and none is left out', () => {
    expect(workbooks.filter((f) => !outcomes.has(f))).toEqual([]);
    expect([...outcomes.keys()].filter((f) => !workbooks.includes(f))).toEqual([]);
    expect(workbooks.filter((f) => f.endsWith('.xls')).length).toBeGreaterThan(20);
  });

  it.runIf(present).each(workbooks)('%s: accepted or refused as pyxform decides', async (file) => {
    const result = await importXlsForm(await bytesOf(file), file);
    const pyxform = outcomes.get(file)!;
    if (DIFFERENT_OUTCOME[file]) {
      expect(result.ok, DIFFERENT_OUTCOME[file]).toBe(!pyxform.ok);
      return;
    }
    if (!pyxform.ok) {
      const reason = SAME_REASON[baseName(file)];
      expect(reason, `pyxform refuses ${file}: ${pyxform.error}`).toBeDefined();
      expect(pyxform.error).toContain(reason!.pyxform);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors[0]).toMatchObject({
          sheet: 'survey',
          row: expect.any(Number),
          column: reason!.column,
        });
      return;
    }
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    // Export and re-import changes nothing.
    const again = await importXlsForm(await exportXlsForm(result.form), file);
    expect(again.ok && Form.parse(again.form)).toEqual(Form.parse(result.form));
  });

  const twins = workbooks.filter((f) => !f.endsWith('.xlsx') && workbooks.includes(`${baseName(f)}.xlsx`));
  it.runIf(present).each(twins)('%s reads like its .xlsx twin', async (file) => {
    const result = await importXlsForm(await bytesOf(file), file);
    const workbook = `${baseName(file)}.xlsx`;
    const expected = await importXlsForm(await bytesOf(workbook), workbook);
    expect(result.ok).toBe(expected.ok);
    if (result.ok && expected.ok) expect(Form.parse(result.form)).toEqual(Form.parse(expected.form));
    if (!result.ok && !expected.ok) expect(result.errors[0]?.message).toBe(expected.errors[0]?.message);
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
    expect(mismatches.filter((m) => !ALLOWED_MISMATCHES.some(({ pattern }) => pattern.test(m)))).toEqual([]);
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
