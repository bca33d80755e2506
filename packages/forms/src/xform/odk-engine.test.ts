import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { householdEnumeration } from '../../templates/household-enumeration.ts';
import { settlementProfile } from '../../templates/settlement-profile.ts';
import type { Form } from '../model.ts';
import { importXlsForm } from '../xlsform/import.ts';
import { generateXForm } from './generate.ts';
import { rootName } from './paths.ts';
import { odkEngine } from './testing/odk-engine.ts';

const { loadForm } = await odkEngine();

const repoRoot = resolve(import.meta.dirname, '../../../../');
const corpus = resolve(
  repoRoot,
  process.env.XLSFORM_CONFORMANCE_DIR ?? '../shared/conformance/xlsform-pyxform/example_xls',
);
const present = existsSync(corpus);
interface Outcome {
  file: string;
  ok: boolean;
}
const accepted = present
  ? readFileSync(resolve(corpus, '../xforms-by-pyxform/results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Outcome)
      .filter((o) => o.ok && o.file !== 'bad_calc.xlsx')
      .map((o) => o.file)
  : [];

/** Attachments (`jr://file-csv/fruits.csv`) are served from beside the workbooks, as a server would. */
const fetchFormAttachment = async (url: URL | string) => {
  const file = resolve(corpus, basename(String(url)));
  if (!existsSync(file)) return new Response('not found', { status: 404 });
  return new Response(readFileSync(file, 'utf8'), { status: 200, headers: { 'content-type': 'text/csv' } });
};

async function loadsInOdk(form: Form) {
  const xml = generateXForm(form);
  const result = await loadForm(xml, { fetchFormAttachment });
  expect(result.error?.message ?? null).toBeNull();
  expect(result.status).toBe('success');
  const instance = result.createInstance();
  const serialized = instance.root.instanceState.instanceXML;
  expect(serialized).toContain('<instanceID>uuid:');
  expect(serialized).toMatch(
    new RegExp(`^<${rootName(form)}[^>]* id="${form.settings.formId ?? rootName(form)}"`),
  );
  return serialized;
}

describe("generated XForms load in ODK's engine (@getodk/xforms-engine)", { timeout: 60_000 }, () => {
  it.each([
    ['household enumeration', householdEnumeration],
    ['settlement profile', settlementProfile],
  ])('the %s template', async (_name, form) => {
    await loadsInOdk(form);
  });

  it('runs a dynamic default inside a repeat (odk-new-repeat) for the first instance', async () => {
    const base = {
      hint: {},
      guidanceHint: {},
      constraintMessage: {},
      requiredMessage: {},
      media: {},
      parameters: {},
      extra: {},
    };
    const when = {
      kind: 'question' as const,
      name: 'when',
      type: 'date',
      label: { default: 'When' },
      bind: { default: 'today()' },
      ...base,
    };
    const visits = {
      kind: 'repeat' as const,
      name: 'visits',
      type: 'begin_repeat',
      label: { default: 'Visits' },
      bind: {},
      children: [when],
      ...base,
    };
    const serialized = await loadsInOdk({
      settings: { formId: 'r', extra: {} },
      survey: [visits],
      choices: {},
      choiceColumns: [],
      otherSheets: [],
    });
    expect(serialized).toMatch(/<visits><when>\d{4}-\d{2}-\d{2}<\/when><\/visits>/);
  });

  it('refuses an XForm whose logic does not parse, so a pass here means something', async () => {
    const xml = generateXForm({
      settings: { extra: {} },
      survey: [
        {
          kind: 'question',
          name: 'a',
          type: 'integer',
          label: { default: 'A' },
          hint: {},
          guidanceHint: {},
          constraintMessage: {},
          requiredMessage: {},
          media: {},
          bind: { relevant: '. >>> (' },
          parameters: {},
          extra: {},
        },
      ],
      choices: {},
      choiceColumns: [],
      otherSheets: [],
    });
    const result = await loadForm(xml, { fetchFormAttachment });
    const failed =
      result.status === 'failure' ||
      (() => {
        try {
          result.createInstance();
          return false;
        } catch {
          return true;
        }
      })();
    expect(failed).toBe(true);
  });

  it.runIf(present).each(accepted)('%s', async (file) => {
    const result = await importXlsForm(new Uint8Array(readFileSync(resolve(corpus, file))), file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await loadsInOdk(result.form);
  });
});
