// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionWorld, collectionWorld } from '../test/collection-world.ts';
import { consent, type Enumeration, enumerationForm, enumerationIn } from '../test/enumeration-world.ts';

let world: CollectionWorld;
let sonop: Enumeration;
let settlementId: string;
const enumeration = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  sonop.item(answers, extra);
const ingest = (items: unknown[], agent = world.as.coordinator) => sonop.ingest(items, agent);
const structures = () => sonop.structures();

beforeAll(async () => {
  world = await collectionWorld();
  sonop = await enumerationIn(world, enumerationForm());
  settlementId = sonop.settlementId;
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

describe('create_if, per household', () => {
  it('a household whose create_if is false makes no record, nor do its members; the others do', async () => {
    const conditional = await enumerationIn(
      world,
      enumerationForm('enumeration_if', { households: { createIf: "${outcome} != 'refused'" } }),
      'Mamelodi',
    );
    const refusedOnly = conditional.item({
      structure: { painted_number: 'B-0001' },
      household: [{ outcome: 'refused', size: '4', member: [{ age: '40' }] }],
    });
    expect(await conditional.ingest([refusedOnly])).toEqual([
      expect.objectContaining({ status: 'stored', issues: [] }),
    ]);
    expect(await conditional.households()).toEqual([]);
    const mixed = conditional.item({
      structure: { painted_number: 'B-0002' },
      household: [
        { outcome: 'refused', size: '4', member: [{ age: '40' }] },
        { outcome: 'enumerated', size: '2', ...consent, member: [{ age: '31' }, { age: '5' }] },
      ],
    });
    expect((await conditional.ingest([mixed]))[0]).toMatchObject({ status: 'stored', issues: [] });
    const households = await conditional.households();
    expect(households.map((h) => h.sizeStated)).toEqual([2]);
    const detail = (await world.as.coordinator.get(world.url(`/households/${households[0]!.id}`))).body;
    expect(detail.members.map((m: { age: number }) => m.age)).toEqual([31, 5]);
    // The structures themselves have no create_if: both were numbered.
    expect((await conditional.structures()).map((s) => s.number).sort()).toEqual(['B-0001', 'B-0002']);
  });
});

describe('update_if and create_if, with the structure the form names', () => {
  it('creates it under that id when only create_if holds, updates it when update_if does, else leaves it', async () => {
    const upsert = await enumerationIn(
      world,
      enumerationForm('enumeration_upsert', {
        structures: {
          entityId: '${structure_id}',
          updateIf: "${visit} = 'again'",
          createIf: "${visit} = 'first'",
        },
      }),
      'Upsert',
    );
    const id = v7();
    const visit = (visit: string, rooms: string) =>
      upsert.item({ structure: { structure_id: id, visit, painted_number: 'B-0500', rooms } });
    expect((await upsert.ingest([visit('first', '1')]))[0]).toMatchObject({ status: 'stored', issues: [] });
    expect(await upsert.structures()).toEqual([expect.objectContaining({ id, number: 'B-0500', rooms: 1 })]);
    expect((await upsert.ingest([visit('again', '3')]))[0]).toMatchObject({ status: 'stored', issues: [] });
    expect((await upsert.ingest([visit('passing by', '9')]))[0]).toMatchObject({
      status: 'stored',
      issues: [],
    });
    expect(await upsert.structures()).toEqual([expect.objectContaining({ id, rooms: 3 })]);
    const history = (await world.as.coordinator.get(world.url(`/structures/${id}/versions`))).body.items;
    expect(history.map((v: { kind: string }) => v.kind)).toEqual(['original', 'change']);
  });
});
