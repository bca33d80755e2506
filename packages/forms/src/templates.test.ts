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

  it('has every label, hint and constraint message in English, isiZulu and Hindi, and marks personal data', async () => {
    const check = await checkXlsForm(bytes(), file);
    if (!check.ok) throw new Error('template does not import');
    const languages = ['English (en)', 'isiZulu (zu)', 'Hindi (hi)'];
    expect(check.languages).toEqual(languages);
    for (const { item } of walkSurvey(definition.survey)) {
      if (item.type === 'calculate' || ['start', 'end', 'today', 'deviceid', 'username'].includes(item.type))
        continue;
      expect(Object.keys(item.label), item.name).toEqual(languages);
      for (const texts of [item.hint, item.constraintMessage])
        if (Object.keys(texts).length > 0) expect(Object.keys(texts), item.name).toEqual(languages);
      // Devanagari, not English copied over.
      expect(item.label['Hindi (hi)'], item.name).toMatch(/[\u0900-\u097F]|^[R0-9 ,–]+$/);
    }
    for (const list of Object.values(check.choices)) {
      for (const choice of list) expect(Object.keys(choice.label)).toEqual(languages);
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
