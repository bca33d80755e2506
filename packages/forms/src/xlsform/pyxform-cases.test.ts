import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importXlsForm } from './import.ts';

// pyxform's own test cases (v4.5.0) with pyxform's outcome for each; see their README.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const file = resolve(
  repoRoot,
  process.env.XLSFORM_CASES_FILE ?? '../shared/conformance/xlsform-pyxform/cases/cases.jsonl',
);
const present = existsSync(file);

interface Case {
  id: string;
  md: string;
  pyxform: { ok: boolean; error: string | null };
}

/** Where our outcome differs from pyxform's on purpose, by case id, and why. */
const DIFFERENCES: Record<string, string> = {
  'test_external_instances::ExternalInstanceTests::test_external_instances_multiple_diff_pulldatas#1':
    "its required expression has an unterminated string ('ParticipantIDValue'): pyxform writes it as is when " +
    'ODK Validate is off, JavaRosa refuses it; we refuse it at its cell',
  'test_validate_unicode_exception::ValidateUnicodeException::test_validate_unicode_exception#1':
    "its calculation $(myField)='1' is no expression: pyxform writes it as is when ODK Validate is off, JavaRosa " +
    'refuses it; we refuse it at its cell',
  'test_sheet_columns::TestColumnAliases::test_duplicate_header_raises_error#1':
    'the same header twice: pyxform refuses it in .xlsx and .xls but its markdown reader keeps the last column; ' +
    'we refuse it in every format, at the second header',
};

/** Agreement asked of the importer: the share of cases whose outcome is pyxform's. */
const GOAL = 0.95;

const cases: Case[] = present
  ? readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Case)
  : [];
const modules = [...new Set(cases.map((c) => c.id.split('::')[0]!))];

describe("pyxform's own test cases", { timeout: 120_000 }, () => {
  if (process.env.CI === 'true') {
    it('are present when running in CI', () => expect(present, `cases missing: ${file}`).toBe(true));
  } else if (!present) console.warn(`[pyxform cases] none at ${file}: left out (set XLSFORM_CASES_FILE)`);

  const ours = new Map<string, { ok: boolean; first: string }>();
  beforeAll(async () => {
    for (const c of cases) {
      const result = await importXlsForm(new TextEncoder().encode(c.md), 'test_name.md');
      const first = result.ok ? '' : (result.errors[0]?.message ?? '');
      ours.set(c.id, { ok: result.ok, first });
    }
  });

  it.runIf(present).each(modules)('%s: every case is decided as pyxform decides, or named', (module) => {
    const unexpected: string[] = [];
    for (const c of cases.filter((k) => k.id.startsWith(`${module}::`))) {
      const outcome = ours.get(c.id)!;
      const agrees = outcome.ok === c.pyxform.ok;
      if (!agrees && !DIFFERENCES[c.id]) {
        unexpected.push(
          `${c.id}: pyxform ${c.pyxform.ok ? 'accepts' : `refuses (${c.pyxform.error?.slice(0, 160)})`}, ` +
            `we ${outcome.ok ? 'accept' : `refuse (${outcome.first})`}`,
        );
      }
      if (agrees && DIFFERENCES[c.id]) unexpected.push(`${c.id}: listed as a difference but agrees now`);
    }
    expect(unexpected).toEqual([]);
  });

  it.runIf(present)(
    `agree on at least ${GOAL * 100} % of the cases, and every listed difference is a case`,
    () => {
      const agreeing = cases.filter((c) => ours.get(c.id)!.ok === c.pyxform.ok).length;
      expect(cases.length).toBe(577);
      expect(agreeing / cases.length).toBeGreaterThanOrEqual(GOAL);
      expect(agreeing).toBe(cases.length - Object.keys(DIFFERENCES).length);
      const ids = new Set(cases.map((c) => c.id));
      expect(Object.keys(DIFFERENCES).filter((id) => !ids.has(id))).toEqual([]);
    },
  );
});
