import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { householdEnumeration } from '../templates/household-enumeration.ts';
import { settlementProfile } from '../templates/settlement-profile.ts';
import { checkXlsForm } from './check.ts';
import { Form, walkSurvey } from './model.ts';
import { importXlsForm } from './xlsform/import.ts';

const templates = [
  ['settlement-profile.xlsx', settlementProfile],
  ['household-enumeration.xlsx', householdEnumeration],
] as const;

describe.each(templates)('template %s', { timeout: 30_000 }, (file, definition) => {
  const bytes = () => new Uint8Array(readFileSync(new URL(`../templates/${file}`, import.meta.url)));

  it('imports with no errors and no warnings', async () => {
    const result = await importXlsForm(bytes(), file);
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
  });

  it('is the workbook of its readable definition (run build-templates.ts after editing)', async () => {
    const result = await importXlsForm(bytes(), file);
    expect(result.ok && Form.parse(result.form)).toEqual(Form.parse(definition));
  });

  it('has every label in English and isiZulu, and marks personal data', async () => {
    const check = await checkXlsForm(bytes(), file);
    if (!check.ok) throw new Error('template does not import');
    expect(check.languages).toEqual(['English (en)', 'isiZulu (zu)']);
    for (const { item } of walkSurvey(definition.survey)) {
      if (item.type === 'calculate' || ['start', 'end', 'today', 'deviceid', 'username'].includes(item.type))
        continue;
      expect(Object.keys(item.label), item.name).toEqual(['English (en)', 'isiZulu (zu)']);
    }
    for (const list of Object.values(check.choices)) {
      for (const choice of list) expect(Object.keys(choice.label)).toEqual(['English (en)', 'isiZulu (zu)']);
    }
    expect(check.questions.some((q) => q.sensitivity === 'personal')).toBe(true);
  });
});

it('the household enumeration has members as a repeat and special-category questions', async () => {
  const check = await checkXlsForm(
    new Uint8Array(readFileSync(new URL('../templates/household-enumeration.xlsx', import.meta.url))),
    'household-enumeration.xlsx',
  );
  if (!check.ok) throw new Error('template does not import');
  expect(check.questions.find((q) => q.path === '/member')).toMatchObject({
    type: 'begin_repeat',
    repeat: true,
  });
  expect(check.questions.filter((q) => q.sensitivity === 'special').map((q) => q.path)).toEqual([
    '/member/difficulties',
    '/optional/chronic_illness',
    '/optional/nationality',
  ]);
  const sections = check.questions.filter(
    (q) => !q.path.slice(1).includes('/') && q.type.startsWith('begin_'),
  );
  expect(sections.map((q) => q.path)).toEqual([
    '/structure',
    '/consent',
    '/household',
    '/member',
    '/services',
    '/risks',
    '/priorities',
    '/optional',
  ]);
});
