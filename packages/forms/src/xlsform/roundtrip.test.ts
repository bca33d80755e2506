import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Choice,
  type EntityDeclaration,
  Form,
  type Question,
  type Section,
  type SurveyItem,
  type Translated,
} from '../model.ts';
import { exportXlsForm } from './export.ts';
import { importXlsForm } from './import.ts';
import { workbookBytes } from './testing/workbook.ts';

const text = fc
  .stringMatching(/^[A-Za-z0-9 .,?!éüŋ'"()-]{1,24}$/)
  // pyxform (and so our import) reads runs of spaces in survey cells as one.
  .map((s) => s.trim().replace(/ {2,}/g, ' '))
  .filter((s) => s !== '');
const languages = fc.subarray(['default', 'English (en)', 'isiZulu (zu)'], { minLength: 1 });
const translated = (langs: string[]): fc.Arbitrary<Translated> =>
  fc.dictionary(fc.constantFrom(...langs), text, { maxKeys: langs.length });
const maybeTranslated = (langs: string[]) => fc.oneof(fc.constant({}), translated(langs));

const PLAIN_TYPES = [
  'text',
  'integer',
  'decimal',
  'date',
  'time',
  'dateTime',
  'geopoint',
  'geoshape',
  'note',
  'calculate',
  'image',
  'audio',
  'file',
  'acknowledge',
  'hidden',
  'range',
  'start',
  'today',
  'barcode',
];

const VALIDATED_PARAMETERS = new Set([
  'range',
  'image',
  'audio',
  'geopoint',
  'geoshape',
  'text',
  'select_one',
  'select_multiple',
  'select_one_from_file',
]);

function element(name: string, langs: string[], lists: string[]) {
  return fc.record({
    name: fc.constant(name),
    // pyxform rejects a question on screen with no label, so every generated item has one.
    label: fc.dictionary(fc.constantFrom(...langs), text, { minKeys: 1, maxKeys: langs.length }),
    hint: maybeTranslated(langs),
    guidanceHint: maybeTranslated(langs),
    constraintMessage: maybeTranslated(langs),
    requiredMessage: maybeTranslated(langs),
    media: fc.record(
      {
        image: fc.dictionary(fc.constantFrom(...langs), fc.constant(`${name}.png`), {
          minKeys: 1,
          maxKeys: langs.length,
        }),
      },
      { requiredKeys: [] },
    ),
    bind: fc.record(
      {
        relevant: fc.constantFrom('. != 1', "selected(., 'yes')", 'today() > date("2024-01-01")'),
        constraint: fc.constantFrom('. > 0', 'string-length(.) <= 10'),
        required: fc.constantFrom('yes', 'true()'),
        readOnly: fc.constant('yes'),
        default: fc.constantFrom('3', 'today()'),
        appearance: fc.constantFrom('minimal', 'field-list', 'multiline'),
        choiceFilter: fc.constant('filter = 1'),
      },
      { requiredKeys: [] },
    ),
    parameters: fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), fc.stringMatching(/^[a-z0-9]{1,4}$/), {
      maxKeys: 2,
    }),
    sensitivity: fc.option(fc.constantFrom('personal' as const, 'special' as const), { nil: undefined }),
    extra: fc.dictionary(fc.constantFrom('notes', 'bind::odk:length', 'comment'), text, { maxKeys: 2 }),
    list: lists.length > 0 ? fc.constantFrom(...lists) : fc.constant(undefined),
  });
}

/** Entity declarations pyxform accepts: create, create if, update, upsert. */
const ENTITY_DECLARATIONS: EntityDeclaration[] = [
  { list: 'people', label: "'Person'", extra: {} },
  { list: 'people', label: "'Person'", createIf: '1 = 1', extra: {} },
  { list: 'households', entityId: 'uuid()', updateIf: 'true()', extra: {} },
  {
    list: 'places',
    entityId: "'a'",
    createIf: '1 = 1',
    updateIf: '1 = 2',
    label: "'P'",
    repeat: 'r',
    extra: {},
  },
];

function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function surveyArbitrary(names: string[], langs: string[], lists: string[]): fc.Arbitrary<SurveyItem[]> {
  const items = names.map((name, i): fc.Arbitrary<SurveyItem> => {
    const base = element(name, langs, lists);
    if (i % 5 === 4) {
      return fc.tuple(base, fc.constantFrom('group' as const, 'repeat' as const)).map(([e, kind]) => {
        const { list: _list, ...rest } = e;
        return clean({ ...rest, kind, type: `begin_${kind}`, children: [] }) as Section;
      });
    }
    return fc
      .tuple(
        base,
        fc.constantFrom(...PLAIN_TYPES, 'select_one', 'select_multiple', 'select_one_from_file'),
        fc.boolean(),
      )
      .map(([e, type, orOther]) => {
        const { list, ...rest } = e;
        const q: Question = { ...rest, kind: 'question', type };
        // Types pyxform checks parameters for get none; a calculate always has its calculation.
        if (VALIDATED_PARAMETERS.has(type)) q.parameters = {};
        if (type === 'calculate') q.bind = { ...q.bind, calculation: '1 + 1' };
        if (type === 'select_one_from_file') q.list = 'places.csv';
        else if (type.startsWith('select') && list) {
          q.list = list;
          if (orOther && !q.bind.choiceFilter) q.orOther = true;
        } else if (type.startsWith('select')) q.type = 'text';
        return clean(q);
      });
  });
  // Every fifth item is a section that takes in the items after it, up to the next section.
  return fc.tuple(...items).map((all) => {
    const root: SurveyItem[] = [];
    let open: Section | null = null;
    for (const generated of all) {
      // Copies: fast-check reuses generated values while shrinking.
      if (generated.kind !== 'question') {
        const section = { ...generated, children: [] };
        root.push(section);
        open = section;
      } else (open ? open.children : root).push({ ...generated });
    }
    return root;
  });
}

const formArbitrary: fc.Arbitrary<Form> = fc
  .record({
    langs: languages,
    names: fc.uniqueArray(
      fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/).filter((n) => n !== 'data'),
      { minLength: 1, maxLength: 12 },
    ),
    lists: fc.uniqueArray(fc.stringMatching(/^[a-z]{2,6}$/), { maxLength: 3 }),
    withFilter: fc.boolean(),
  })
  .chain(({ langs, names, lists, withFilter }) =>
    fc.record({
      settings: fc.record(
        {
          formId: fc.stringMatching(/^[a-z]{1,8}$/),
          formTitle: text,
          version: fc.stringMatching(/^[0-9]{1,10}$/),
          defaultLanguage: fc.constantFrom(...langs),
          style: fc.constant('pages'),
          extra: fc.dictionary(fc.constantFrom('public_key', 'allow_choice_duplicates'), fc.constant('yes'), {
            maxKeys: 1,
          }),
        },
        { requiredKeys: ['extra'] },
      ),
      survey: surveyArbitrary(names, langs, lists),
      choices: fc
        .tuple(
          ...lists.map((list) =>
            fc
              .uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 4 })
              .chain((choiceNames) =>
                fc.tuple(
                  ...choiceNames.map((name) =>
                    fc.record({
                      name: fc.constant(name),
                      label: translated(langs),
                      media: fc.constant({}),
                      extra: withFilter
                        ? fc.dictionary(fc.constant('filter'), text, { maxKeys: 1 })
                        : fc.constant({}),
                    }),
                  ),
                ),
              )
              .map((choices): [string, Choice[]] => [list, choices]),
          ),
        )
        .map((entries) => Object.fromEntries(entries)),
      choiceColumns: fc.constant<string[]>(withFilter ? ['filter'] : []),
      entities: fc.option(
        fc.constantFrom(...ENTITY_DECLARATIONS).map((e) => [e]),
        { nil: undefined },
      ),
      otherSheets: fc.constantFrom<Form['otherSheets']>(
        [],
        [{ name: 'notes', headers: ['when', 'what'], rows: [['today', 'x']] }],
      ),
    }),
  )
  .map((form) => {
    if (!form.entities) return clean(form);
    // Top-level questions save to the entity (deeper ones could fall in another repeat's scope).
    const survey = form.survey.map((item, i) =>
      item.kind === 'question' && i < 3 ? { ...item, saveTo: `p_${item.name}` } : item,
    );
    return { ...form, survey };
  });

describe('XLSForm export', () => {
  it('writes workbooks that import back to the same model', async () => {
    await fc.assert(
      fc.asyncProperty(formArbitrary, async (form) => {
        const bytes = await exportXlsForm(form);
        const result = await importXlsForm(bytes, 'roundtrip.xlsx', { attachments: ['places.csv'] });
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(Form.parse(result.form)).toEqual(form);
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});

describe('entities and save_to', () => {
  it('are read from the entities sheet and the save_to column, and written back', async () => {
    const bytes = await workbookBytes({
      survey: [
        ['type', 'name', 'label', 'save_to'],
        ['text', 'first_name', 'First name', 'first_name'],
        ['integer', 'age', 'Age', 'people#age'],
      ],
      Entities: [
        ['List Name', 'label', 'create_if', 'repeat'],
        ['people', "concat(${first_name}, ' ', ${age})", '${age} > 0', 'members'],
      ],
    });
    const result = await importXlsForm(bytes, 'people.xlsx');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { form } = result;
    expect(form.entities).toEqual([
      {
        list: 'people',
        label: "concat(${first_name}, ' ', ${age})",
        createIf: '${age} > 0',
        repeat: 'members',
        extra: {},
      },
    ]);
    expect(form.survey.map((q) => q.kind === 'question' && q.saveTo)).toEqual(['first_name', 'people#age']);
    expect(form.otherSheets).toEqual([]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ sheet: 'Entities', code: 'form.xlsform.entities.not_applied' }),
    );
    const again = await importXlsForm(await exportXlsForm(form), 'people.xlsx');
    expect(again.ok && Form.parse(again.form)).toEqual(Form.parse(form));
  });

  it('a stored form without entities still parses', () => {
    const stored = { settings: { extra: {} }, survey: [], choices: {}, choiceColumns: [], otherSheets: [] };
    expect(Form.parse(stored).entities).toBeUndefined();
  });
});
