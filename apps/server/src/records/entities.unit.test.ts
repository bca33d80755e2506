// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import type { AnswerTree } from '@coproduce/contract';
import type { Form, Question, SurveyItem } from '@coproduce/forms';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { question as formQuestion } from '../test/form-models.ts';
import { EntityConditionError, entityAction, entityWrites } from './entities.ts';

const question = (type: string, name: string, extra: Partial<Question> = {}): Question =>
  formQuestion(name, type, { default: name }, extra);
const section = (kind: 'group' | 'repeat', name: string, children: SurveyItem[]): SurveyItem => ({
  ...question('begin_group', name),
  kind,
  children,
});

// The enumeration form's shape: a structure, its households in a repeat, their members in a
// repeat inside it.
const enumeration: Form = {
  settings: { extra: {} },
  survey: [
    section('group', 'structure', [
      question('text', 'structure_id'),
      question('text', 'painted_number', { saveTo: 'structures#number' }),
      question('geopoint', 'location', { saveTo: 'structures#point' }),
    ]),
    section('repeat', 'household', [
      question('integer', 'size', { saveTo: 'households#size_stated' }),
      question('select_one', 'head_sex', { saveTo: 'households#head_sex' }),
      section('repeat', 'member', [
        question('integer', 'age', { saveTo: 'household_members#age' }),
        question('select_one', 'sex', { saveTo: 'household_members#sex' }),
      ]),
    ]),
  ],
  choices: {},
  choiceColumns: [],
  entities: [
    { list: 'household_members', extra: {} },
    { list: 'structures', entityId: '${structure_id}', label: '${painted_number}', extra: {} },
    { list: 'households', extra: {} },
  ],
  otherSheets: [],
};

describe('entities from a submission', () => {
  it('one structure, a household per repeat entry, its members under it', () => {
    const answers: AnswerTree = {
      structure: { structure_id: 'S1', painted_number: 'B-0142', location: '-25.7 27.8 0 5' },
      household: [
        { size: '3', head_sex: 'female', member: [{ age: '34', sex: 'female' }, { age: '9' }, { age: '2' }] },
        { size: '1', member: [{ age: '71', sex: 'male' }] },
      ],
    };
    const writes = entityWrites(enumeration, answers);
    expect(writes.map((w) => [w.list, w.path, w.parent])).toEqual([
      ['structures', '/structure', null],
      ['households', '/household[1]', 0],
      ['households', '/household[2]', 0],
      ['household_members', '/household[1]/member[1]', 1],
      ['household_members', '/household[1]/member[2]', 1],
      ['household_members', '/household[1]/member[3]', 1],
      ['household_members', '/household[2]/member[1]', 2],
    ]);
    expect(writes[0]).toMatchObject({
      entityId: 'S1',
      label: 'B-0142',
      properties: { number: 'B-0142', point: '-25.7 27.8 0 5' },
    });
    expect(writes[1]!.properties).toEqual({ size_stated: '3', head_sex: 'female' });
    expect(writes[4]!.properties).toEqual({ age: '9' });
  });

  it('a form without entities writes nothing; an empty id creates', () => {
    expect(entityWrites({ ...enumeration, entities: undefined }, {})).toEqual([]);
    const [structure] = entityWrites(enumeration, { structure: { painted_number: 'B-1' } });
    expect(structure).toMatchObject({ entityId: null, properties: { number: 'B-1' } });
  });

  it('property: one write per repeat entry, every member under a household of its own instance', () => {
    const member = fc.record({ age: fc.integer({ min: 0, max: 110 }).map(String) });
    const household = fc.record({
      size: fc.integer({ min: 1, max: 12 }).map(String),
      member: fc.array(member, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(household, { maxLength: 8 }), (households) => {
        const writes = entityWrites(enumeration, {
          structure: { painted_number: 'X' },
          household: households,
        });
        const byList = (list: string) => writes.filter((w) => w.list === list);
        expect(byList('structures')).toHaveLength(1);
        expect(byList('households')).toHaveLength(households.length);
        expect(byList('household_members')).toHaveLength(households.reduce((n, h) => n + h.member.length, 0));
        for (const w of byList('household_members')) {
          const parent = writes[w.parent!]!;
          expect(parent.list).toBe('households');
          expect(w.path.startsWith(`${parent.path}/`)).toBe(true);
          const [h, m] = w.path.match(/\d+/g)!.map(Number);
          expect(w.properties.age).toBe(households[h! - 1]!.member[m! - 1]!.age);
        }
      }),
    );
  });

  describe('create_if and update_if, per instance', () => {
    // Households that refused make no record, nor do their members; the structure is updated
    // when the phone knew it, created under its id when it is new, else left alone.
    const conditional: Form = {
      ...enumeration,
      survey: [
        ...enumeration.survey.slice(0, 1),
        section('repeat', 'household', [
          question('text', 'outcome'),
          ...(enumeration.survey[1] as { children: SurveyItem[] }).children,
        ]),
        question('text', 'known'),
      ],
      entities: [
        { list: 'household_members', extra: {} },
        {
          list: 'structures',
          entityId: '${structure_id}',
          label: '${painted_number}',
          updateIf: "${known} = 'yes'",
          createIf: "${known} = 'new'",
          extra: {},
        },
        { list: 'households', createIf: "${outcome} != 'refused'", extra: {} },
      ],
    };
    const answers = (known: string, outcomes: string[]): AnswerTree => ({
      structure: { structure_id: 'S1', painted_number: 'B-1' },
      known,
      household: outcomes.map((outcome) => ({ outcome, size: '2', member: [{ age: '30' }, { age: '3' }] })),
    });

    it('a false create_if writes nothing for that instance, nor inside it', () => {
      const writes = entityWrites(conditional, answers('yes', ['enumerated', 'refused', 'absent']));
      expect(writes.map((w) => [w.list, w.path, w.action, w.parent])).toEqual([
        ['structures', '/structure', 'update', null],
        ['households', '/household[1]', 'create', 0],
        ['households', '/household[3]', 'create', 0],
        ['household_members', '/household[1]/member[1]', 'create', 1],
        ['household_members', '/household[1]/member[2]', 'create', 1],
        ['household_members', '/household[3]/member[1]', 'create', 2],
        ['household_members', '/household[3]/member[2]', 'create', 2],
      ]);
    });

    it('with an id: update when update_if holds, create when only create_if does, else nothing', () => {
      expect(entityWrites(conditional, answers('new', []))[0]).toMatchObject({
        list: 'structures',
        entityId: 'S1',
        action: 'create',
      });
      // The structure writes nothing: the households, which pointed at it from outside it,
      // point as if it were absent (and then name their structure themselves).
      const none = entityWrites(conditional, answers('no', ['enumerated']));
      expect(none.map((w) => [w.list, w.parent])).toEqual([
        ['households', null],
        ['household_members', 0],
        ['household_members', 0],
      ]);
    });

    it('ODK’s rules, whatever the conditions say', () => {
      const declaration = (has: { createIf: boolean; updateIf: boolean }) => ({
        list: 'l',
        extra: {},
        ...(has.createIf ? { createIf: 'c' } : {}),
        ...(has.updateIf ? { updateIf: 'u' } : {}),
      });
      fc.assert(
        fc.property(
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          (id, c, u, ch, uh) => {
            const got = entityAction(declaration({ createIf: c, updateIf: u }), id ? 'x' : null, (column) =>
              column === 'create_if' ? ch : uh,
            );
            const creates = !c || ch;
            const expected = !id
              ? creates
                ? 'create'
                : null
              : !u || uh
                ? 'update'
                : c && ch
                  ? 'create'
                  : null;
            expect(got).toBe(expected);
          },
        ),
      );
    });

    it('property: exactly the households whose create_if holds, each with its own members', () => {
      const outcome = fc.constantFrom('enumerated', 'refused', 'absent');
      fc.assert(
        fc.property(fc.array(outcome, { maxLength: 8 }), (outcomes) => {
          const writes = entityWrites(conditional, answers('yes', outcomes));
          const households = writes.filter((w) => w.list === 'households');
          const kept = outcomes.flatMap((o, i) => (o === 'refused' ? [] : [`/household[${i + 1}]`]));
          expect(households.map((w) => w.path)).toEqual(kept);
          const members = writes.filter((w) => w.list === 'household_members');
          expect(members).toHaveLength(kept.length * 2);
          for (const m of members) expect(m.path.startsWith(`${writes[m.parent!]!.path}/`)).toBe(true);
        }),
      );
    });

    it('a condition the engine cannot evaluate is said at the instance', () => {
      const broken: Form = {
        ...conditional,
        entities: [{ list: 'households', createIf: "pulldata('x', 'y', 'z', 'w')", extra: {} }],
      };
      let caught: unknown;
      try {
        entityWrites(broken, answers('yes', ['enumerated']));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(EntityConditionError);
      expect(caught).toMatchObject({ path: '/household[1]', column: 'create_if', list: 'households' });
    });
  });
});
