import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importXlsForm } from '../xlsform/import.ts';
import { parseXml } from '../xlsform/testing/xml.ts';
import { generateXForm } from './generate.ts';
import { diffFields, xformFields } from './testing/fields.ts';

// pyxform v4.5.0's XForms for every workbook of the corpus, read from outside the repository.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const corpus = resolve(
  repoRoot,
  process.env.XLSFORM_CONFORMANCE_DIR ?? '../shared/conformance/xlsform-pyxform/example_xls',
);
const xforms = resolve(corpus, '../xforms-by-pyxform');
const present = existsSync(xforms);

interface Outcome {
  file: string;
  ok: boolean;
  xform?: string;
}
const outcomes: Outcome[] = present
  ? readFileSync(resolve(xforms, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Outcome)
  : [];
// bad_calc: we refuse it on purpose (see conformance.test.ts), so there is no XForm of ours.
const accepted = outcomes.filter((o) => o.ok && o.xform && o.file !== 'bad_calc.xlsx');

/** Differences between our XForm and pyxform's that are allowed, each with its reason. */
const ALLOWED: { files: RegExp; pattern: RegExp; reason: string }[] = [
  {
    files: /^flat_xlsform_test\./,
    pattern: /./,
    reason:
      "the old `flat` setting: pyxform drops every group and pushes each group's relevance onto its questions; " +
      'we keep the groups (same answers, grouped paths), as the form model and our own renderer do',
  },
  {
    files: /^(table-list|widgets|attribute_columns_test|xlsform_spec_test)\./,
    pattern:
      /generated_table_list_label_\d+|reserved_name_for_field_list_labels_\d+|(table_list_test2|happy_sad_table|repeat_test\/name)( children| group (appearance|label)|\/[\w-]+ select1? appearance)/,
    reason:
      'a `table-list` group: pyxform rewrites it into a field-list with a generated label row (named after ' +
      'sheet row numbers we do not keep) and list-nolabel selects; we write the table-list appearance, which ' +
      'ODK Collect and ODK Web Forms draw themselves',
  },
  {
    files: /^widgets\./,
    pattern: /^bind \/data\/my_trigger type: ours "string", pyxform undefined$/,
    reason:
      'the old `trigger` type: pyxform writes its bind without a type; we read it as `acknowledge`, which ' +
      'pyxform writes with type string (both load in ODK)',
  },
];

const allowedIn = (file: string) => (difference: string) =>
  ALLOWED.some(({ files, pattern }) => files.test(file) && pattern.test(difference));

describe("our XForms against pyxform's, field by field", { timeout: 60_000 }, () => {
  const matching: string[] = [];
  it.runIf(present).each(accepted.map((o) => [o.file, o.xform!]))('%s', async (file, xform) => {
    const result = await importXlsForm(new Uint8Array(readFileSync(resolve(corpus, file))), file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const ours = xformFields(parseXml(generateXForm(result.form, { formId: undefined })));
    const theirs = xformFields(parseXml(readFileSync(resolve(xforms, xform), 'utf8')));
    const differences = diffFields(ours, theirs);
    if (differences.length === 0) matching.push(file);
    expect(differences.filter((d) => !allowedIn(file)(d))).toEqual([]);
    expect(theirs.size).toBeGreaterThan(5);
  });

  it.runIf(present)('reports how many match exactly', () => {
    console.info(
      `[xform] ${matching.length} of ${accepted.length} corpus XForms equal pyxform's field by field`,
    );
    expect(accepted.length).toBeGreaterThan(40);
    // 41 of 53 when this test was written; 47 since loops are expanded as pyxform does. The other 6
    // differ only as ALLOWED says.
    expect(matching.length).toBeGreaterThanOrEqual(47);
  });
});
