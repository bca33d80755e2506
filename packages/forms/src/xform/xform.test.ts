import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdEnumeration } from '../../templates/household-enumeration.ts';
import { settlementProfile } from '../../templates/settlement-profile.ts';
import type { Form, Question, Section, SurveyItem } from '../model.ts';
import { readXForm } from '../xlsform/testing/xform.ts';
import { find, parseXml } from '../xlsform/testing/xml.ts';
import { generateXForm } from './generate.ts';
import { FORBIDDEN } from './xml.ts';

const base = {
  hint: {},
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  media: {},
  parameters: {},
  extra: {},
};
const q = (name: string, type: string, more: Partial<Question> = {}): Question => ({
  kind: 'question',
  name,
  type,
  label: { default: name },
  bind: {},
  ...base,
  ...more,
});
const section = (
  kind: Section['kind'],
  name: string,
  children: SurveyItem[],
  more: Partial<Section> = {},
): Section => ({
  kind,
  name,
  type: `begin_${kind}`,
  label: { default: name },
  bind: {},
  children,
  ...base,
  ...more,
});
const form = (survey: SurveyItem[], more: Partial<Form> = {}): Form => ({
  settings: { formId: 'f1', formTitle: 'Survey', version: '3', extra: {} },
  survey,
  choices: {},
  choiceColumns: [],
  otherSheets: [],
  ...more,
});

describe('generateXForm', () => {
  const sample = form(
    [
      q('name', 'text', {
        label: { 'English (en)': 'Your name', 'isiZulu (zu)': 'Igama' },
        bind: { required: 'yes' },
        requiredMessage: { default: 'Say it' },
      }),
      q('age', 'integer', {
        bind: { constraint: '. < 120', relevant: "${name} != ''" },
        constraintMessage: { default: 'Too old' },
      }),
      q('colour', 'select_one', { list: 'colours', bind: { appearance: 'minimal' } }),
      section('group', 'house', [q('rooms', 'integer'), q('start', 'start')], {
        bind: { relevant: '${age} > 17' },
      }),
      section('repeat', 'people', [q('pname', 'text', { hint: { default: 'Hello ${name}' } })], {
        bind: { repeatCount: '${age}' },
      }),
      section(
        'repeat',
        'visits',
        [
          q('when', 'date', { bind: { default: 'today()' } }),
          q('n', 'calculate', { bind: { default: 'once(random())' } }),
        ],
        {
          bind: { repeatCount: '2' },
        },
      ),
    ],
    {
      settings: {
        formId: 'f1',
        formTitle: 'Survey',
        version: '3',
        instanceName: 'concat(${name}, "-")',
        extra: {},
      },
      choices: {
        colours: [
          {
            name: 'red',
            label: { default: '-', 'English (en)': 'Red', 'isiZulu (zu)': 'Bomvu' },
            media: {},
            extra: {},
          },
          { name: 'blue', label: { 'English (en)': 'Blue & <b>' }, media: {}, extra: {} },
        ],
      },
    },
  );
  const xml = generateXForm(sample);
  const x = readXForm(parseXml(xml));

  it('writes the primary instance with meta, repeats as a template and a copy, and generated count nodes', () => {
    expect(x.root).toBe('data');
    expect([...x.nodes.keys()]).toEqual([
      '/data/name',
      '/data/age',
      '/data/colour',
      '/data/house',
      '/data/house/rooms',
      '/data/house/start',
      '/data/people',
      '/data/people/pname',
      '/data/visits_count',
      '/data/visits',
      '/data/visits/when',
      '/data/visits/n',
      '/data/meta',
      '/data/meta/instanceID',
      '/data/meta/instanceName',
    ]);
    expect(x.nodes.get('/data/people')?.repeat).toBe(true);
    expect(xml).toContain('<data id="f1" version="3">');
  });

  it('writes binds with types, logic in XPath, messages and preloads', () => {
    expect(x.binds.get('/data/name')).toMatchObject({
      type: 'string',
      required: 'true()',
      'jr:requiredMsg': 'Say it',
    });
    expect(x.binds.get('/data/age')).toMatchObject({
      type: 'int',
      constraint: '. < 120',
      relevant: " /data/name  != ''",
      'jr:constraintMsg': 'Too old',
    });
    expect(x.binds.get('/data/house')).toEqual({ nodeset: '/data/house', relevant: ' /data/age  > 17' });
    expect(x.binds.get('/data/house/start')).toMatchObject({
      'jr:preload': 'timestamp',
      'jr:preloadParams': 'start',
      type: 'dateTime',
    });
    expect(x.binds.get('/data/visits_count')).toMatchObject({ calculate: '2', readonly: 'true()' });
    expect(x.binds.get('/data/meta/instanceID')).toMatchObject({ 'jr:preload': 'uid', readonly: 'true()' });
    expect(x.binds.get('/data/meta/instanceName')?.calculate).toBe('concat( /data/name , "-")');
  });

  it('writes itext per language, choices as a secondary instance, and body controls with appearances', () => {
    // Other labels have no language, so the form has a `default` language too, filled with `-` here.
    expect(x.controls.get('/data/name')?.label).toEqual({
      default: '-',
      'English (en)': 'Your name',
      'isiZulu (zu)': 'Igama',
    });
    expect(x.controls.get('/data/age')?.label).toEqual({ '*': 'age' });
    expect(x.lists.get('colours')).toEqual([
      { name: 'red', label: { default: '-', 'English (en)': 'Red', 'isiZulu (zu)': 'Bomvu' } },
      { name: 'blue', label: { default: '-', 'English (en)': 'Blue & <b>', 'isiZulu (zu)': '-' } },
    ]);
    expect(x.controls.get('/data/colour')?.tag).toBe('select1');
    expect(xml).toContain('<select1 ref="/data/colour" appearance="minimal">');
    expect(xml).toContain('<repeat nodeset="/data/people" jr:count=" /data/age ">');
    expect(xml).toContain('<repeat nodeset="/data/visits" jr:count=" /data/visits_count ">');
    expect(xml).toContain('<hint>Hello <output value=" /data/name "/></hint>');
    expect(x.controls.has('/data/house/start')).toBe(false);
    // Dynamic defaults in a repeat run for the first instance and each one added.
    const action = 'event="odk-instance-first-load odk-new-repeat"';
    expect(xml).toContain(`<setvalue ${action} ref="/data/visits/when" value="today()"/>`);
    expect(xml).toContain(`<setvalue ${action} ref="/data/visits/n" value="once(random())"/>`);
  });

  it('writes both templates', () => {
    for (const template of [householdEnumeration, settlementProfile]) {
      const summary = readXForm(parseXml(generateXForm(template)));
      expect(summary.nodes.size).toBeGreaterThan(5);
      expect(find(parseXml(generateXForm(template)), 'itext')).toBeDefined();
    }
  });

  it('refuses a name that is not an XML name rather than write broken markup', () => {
    expect(() => generateXForm(form([q('a"><x', 'text')]))).toThrow(/not an XML element name/);
  });

  it('escapes any text so the document keeps its structure', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (label, constraint) => {
        const doc = parseXml(
          generateXForm(form([q('a', 'text', { label: { default: label }, bind: { constraint } })])),
        );
        const summary = readXForm(doc);
        const clean = (s: string) => s.replace(FORBIDDEN, '');
        expect(summary.binds.get('/data/a')?.constraint ?? '').toBe(clean(constraint));
        expect(summary.controls.get('/data/a')?.label['*']).toBe(clean(label).replace(/\s+/g, ' ').trim());
      }),
    );
  });
});
