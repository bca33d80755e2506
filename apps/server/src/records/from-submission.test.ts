// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import type { Form, SurveyItem } from '@coproduce/forms';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionWorld, collectionWorld } from '../test/collection-world.ts';
import { form, group, question } from '../test/form-models.ts';

// An enumeration form as the entities sheet declares it: the structure (in a group), its
// households in a repeat, their members in a repeat inside it, and the household's consent.
const repeat = (name: string, children: SurveyItem[]): SurveyItem => ({
  ...question(name, 'begin_repeat', { default: name }),
  kind: 'repeat',
  children,
});
const saved = (name: string, type: string, saveTo: string) =>
  question(name, type, { default: name }, { saveTo });

function enumerationForm(): Form {
  return {
    ...form(
      [
        group('structure', { default: 'Structure' }, [
          saved('painted_number', 'text', 'structures#number'),
          saved('location', 'geopoint', 'structures#point'),
          saved('rooms', 'integer', 'structures#rooms'),
        ]),
        repeat('household', [
          saved('size', 'integer', 'households#size_stated'),
          saved('head_sex', 'text', 'households#head_sex'),
          saved('consent_method', 'text', 'households#consent_method'),
          saved('consent_given_by', 'text', 'households#consent_given_by'),
          saved('consent_notice', 'text', 'households#consent_notice'),
          saved('consent_language', 'text', 'households#consent_language'),
          saved('consent_purposes', 'text', 'households#consent_purposes'),
          repeat('member', [
            saved('age', 'integer', 'household_members#age'),
            saved('sex', 'text', 'household_members#sex'),
            saved('born', 'date', 'household_members#birth_date'),
          ]),
        ]),
      ],
      {},
      'enumeration',
    ),
    entities: [
      { list: 'structures', label: '${painted_number}', extra: {} },
      { list: 'households', label: "concat('Household of ', ${size})", extra: {} },
      { list: 'household_members', label: "concat('Member aged ', ${age})", extra: {} },
    ],
  };
}

let world: CollectionWorld;
let formId: string;
let settlementId: string;

const consent = {
  consent_method: 'signed',
  consent_given_by: 'self',
  consent_notice: 'v1',
  consent_language: 'zu',
  consent_purposes: 'community_planning municipality_aggregates',
};
const enumeration = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: v7(),
  formId,
  formVersion: 1,
  answers,
  files: [],
  ...extra,
});
const ingest = async (items: unknown[], agent = world.as.coordinator) => {
  const res = await agent.post(world.url('/submissions'), { items });
  expect(res.statusCode, res.payload).toBe(200);
  return res.body.outcomes as Array<{
    status: string;
    issues: Array<{ code: string; path: string; repeatIndexes: number[] }>;
  }>;
};
const structures = async () =>
  (await world.as.coordinator.get(world.url(`/settlements/${settlementId}/structures`))).body.items as Array<{
    id: string;
    number: string;
    status: string;
    rooms: number | null;
    point: unknown;
    hasConflict: boolean;
  }>;

beforeAll(async () => {
  world = await collectionWorld();
  const c = world.as.coordinator;
  const made = await c.post(world.url('/forms'), { model: enumerationForm() });
  expect(made.statusCode, made.payload).toBe(201);
  formId = made.body.id;
  expect((await c.post(world.url(`/forms/${formId}/publish`), {})).statusCode).toBe(201);
  settlementId = (await c.post(world.url('/settlements'), { name: 'Sonop', numberPrefix: 'B-' })).body.id;
  const round = await c.post(world.url(`/settlements/${settlementId}/rounds`), { name: 'Round 1', formId });
  expect(round.statusCode, round.payload).toBe(201);
  let versionId = round.body.versionId;
  for (const status of ['numbering', 'enumerating']) {
    const moved = await c.post(world.url(`/rounds/${round.body.id}/status`), {
      baseVersionId: versionId,
      status,
    });
    expect(moved.statusCode, moved.payload).toBe(200);
    versionId = moved.body.versionId;
  }
});
afterAll(() => world.server.close());

describe('records from an enumeration submission', () => {
  it('one submission: the structure, a household and its three members, typed, with consent', async () => {
    const [outcome] = await ingest([
      enumeration({
        structure: { painted_number: 'B-0142', location: '-25.7 27.8 0 5', rooms: '2' },
        household: [
          {
            size: '3',
            head_sex: 'female',
            ...consent,
            member: [
              { age: '34', sex: 'female', born: '1992-03-01' },
              { age: '9', sex: 'male' },
              { age: '2', sex: 'female' },
            ],
          },
        ],
      }),
    ]);
    expect(outcome).toMatchObject({ status: 'stored', issues: [] });
    const [structure] = await structures();
    expect(structure).toMatchObject({
      number: 'B-0142',
      rooms: 2,
      status: 'enumerated',
      point: { lon: 27.8, lat: -25.7 },
    });
    const rounds = (await world.as.coordinator.get(world.url(`/settlements/${settlementId}/rounds`))).body
      .items;
    const households = (await world.as.coordinator.get(world.url(`/rounds/${rounds[0].id}/households`))).body
      .items;
    expect(households).toHaveLength(1);
    expect(households[0]).toMatchObject({ structureId: structure!.id, sizeStated: 3, headSex: 'female' });
    const detail = (await world.as.coordinator.get(world.url(`/households/${households[0].id}`))).body;
    expect(detail.members.map((m: { age: number; sex: string }) => [m.age, m.sex])).toEqual([
      [34, 'female'],
      [9, 'male'],
      [2, 'female'],
    ]);
    expect(detail.members[0].birthDate).toBe('1992-03-01');
    expect(detail.consent.purposes).toMatchObject({ community_planning: true, housing_list: false });
    const history = (await world.as.coordinator.get(world.url(`/structures/${structure!.id}/versions`))).body;
    expect(history.items[0].submissionId).not.toBeNull();
  });

  it('answers that cannot become records keep the submission, flagged at the question, and write nothing', async () => {
    const before = (await structures()).length;
    const [outcome] = await ingest([
      enumeration({
        structure: { painted_number: 'B-0200', location: 'somewhere' },
        household: [{ size: '2', ...consent, member: [{ age: '200' }] }],
      }),
    ]);
    // Not a GPS point: the answers are flagged by validation, and a flagged submission makes no
    // records until someone has looked at it.
    expect(outcome!.status).toBe('needs_attention');
    expect(outcome!.issues.map((i) => [i.code, i.path])).toEqual([['type', '/structure/location']]);
    expect((await structures()).length).toBe(before);
    const refused = enumeration({
      structure: { painted_number: 'B-0201' },
      household: [{ size: '2', ...consent, member: [{ age: '200' }] }],
    });
    const [second] = await ingest([refused]);
    expect(second!.issues.map((i) => [i.code, i.path, i.repeatIndexes])).toEqual([
      ['record', '/household/member/age', [0, 0]],
    ]);
    // A reviewer reads why on the submission's version, where its answers are.
    const detail = (await world.as.coordinator.get(world.url(`/submissions/${refused.id}`))).body;
    expect(detail.state).toBe('needs_attention');
    expect(detail.versions[0].issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([
      ['record', '/household/member/age'],
    ]);
    expect((await structures()).length).toBe(before);
  });

  it('two phones update one structure from the same version: both kept, flagged as a conflict', async () => {
    // Both phones opened the form after B-0142 was numbered (the first test) and before either sent.
    const startedAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const update = (rooms: string) =>
      enumeration({ structure: { painted_number: 'B-0142', rooms }, household: [] }, { startedAt });
    expect((await ingest([update('3')]))[0]!.status).toBe('stored');
    expect((await ingest([update('4')], world.as.staff))[0]!.status).toBe('stored');
    const structure = (await structures()).find((s) => s.number === 'B-0142')!;
    expect(structure).toMatchObject({ rooms: 3, hasConflict: true });
    const history = (await world.as.coordinator.get(world.url(`/structures/${structure.id}/versions`))).body
      .items;
    expect(
      history.map((v: { kind: string; content: { rooms: number } }) => [v.kind, v.content.rooms]),
    ).toEqual([
      ['original', 2],
      ['change', 3],
      ['conflict', 4],
    ]);
  });

  it('with no round under way for the form, the submission is kept and says so', async () => {
    const other = await world.as.coordinator.post(world.url('/forms'), {
      model: { ...enumerationForm(), settings: { formId: 'enumeration_b', formTitle: 'B', extra: {} } },
    });
    await world.as.coordinator.post(world.url(`/forms/${other.body.id}/publish`), {});
    const [outcome] = await ingest([
      { ...enumeration({ structure: { painted_number: 'Z-1' } }), formId: other.body.id },
    ]);
    expect(outcome!.status).toBe('needs_attention');
    expect(outcome!.issues).toEqual([expect.objectContaining({ code: 'record', path: '/' })]);
  });
});
