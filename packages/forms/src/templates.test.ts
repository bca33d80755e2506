import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { householdEnumeration } from '../templates/household-enumeration.ts';
import { settlementProfile } from '../templates/settlement-profile.ts';
import { checkXlsForm } from './check.ts';
import { Form, RECORD_LISTS, walkSurvey } from './model.ts';
import { entityPlacements } from './xlsform/entity-rules.ts';
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

it('the household enumeration has households as a repeat with their members inside, and special-category questions', async () => {
  const check = await checkXlsForm(
    new Uint8Array(readFileSync(new URL('../templates/household-enumeration.xlsx', import.meta.url))),
    'household-enumeration.xlsx',
  );
  if (!check.ok) throw new Error('template does not import');
  for (const path of ['/households', '/households/member'])
    expect(check.questions.find((q) => q.path === path)).toMatchObject({
      type: 'begin_repeat',
      repeat: true,
    });
  expect(check.questions.filter((q) => q.sensitivity === 'special').map((q) => q.path)).toEqual([
    '/households/member/difficulties',
    '/households/optional/chronic_illness',
    '/households/optional/nationality',
  ]);
  const sections = (depth: number) =>
    check.questions
      .filter((q) => q.path.split('/').length === depth + 1 && q.type.startsWith('begin_'))
      .map((q) => q.path);
  expect(sections(1)).toEqual(['/structure', '/households']);
  expect(sections(2)).toEqual([
    '/households/consent',
    '/households/household',
    '/households/member',
    '/households/services',
    '/households/risks',
    '/households/priorities',
    '/households/optional',
  ]);
});

it('the household enumeration saves its structure, each household with its consent, and their members', () => {
  expect(householdEnumeration.entities?.map((e) => e.list)).toEqual([...RECORD_LISTS]);
  const placements = entityPlacements(householdEnumeration);
  expect(placements.get('structures')).toEqual(['survey', 'structure']);
  expect(placements.get('households')).toEqual(['survey', 'households']);
  expect(placements.get('household_members')).toEqual(['survey', 'households', 'member']);
  const saved = [...walkSurvey(householdEnumeration.survey)].flatMap(({ item }) =>
    item.kind === 'question' && item.saveTo ? [item.saveTo] : [],
  );
  expect(saved).toEqual(
    expect.arrayContaining([
      'structures#number',
      'structures#point',
      'structures#section',
      'structures#stated_households',
      'households#outcome',
      'households#size_stated',
      'households#consent_notice',
      'households#consent_language',
      'households#consent_method',
      'households#consent_given_by',
      'households#consent_witness',
      'households#consent_purposes',
      'household_members#age',
      'household_members#sex',
      'household_members#relationship',
    ]),
  );
  // The consent's purposes are the record's own names (the contract's consentPurposes), so none is
  // refused at ingest.
  expect(householdEnumeration.choices.consent_purpose?.map((c) => c.name)).toEqual([
    'community_planning',
    'municipality_aggregates',
    'housing_list',
    'photos',
    'recontact',
  ]);
});
