import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionWorld, collectionWorld } from '../test/collection-world.ts';
import { consent, type Enumeration, enumerationForm, enumerationIn } from '../test/enumeration-world.ts';

// A submission flagged at ingest makes its records when a reviewer's correction makes it valid,
// or when a reviewer approves it; once only, whatever happens to it afterwards.
let world: CollectionWorld;
let sonop: Enumeration;

beforeAll(async () => {
  world = await collectionWorld();
  sonop = await enumerationIn(world, enumerationForm());
});
afterAll(() => world.server.close());

const detail = async (id: string) => (await world.as.coordinator.get(world.url(`/submissions/${id}`))).body;
const edit = async (id: string, answers: Record<string, unknown>) => {
  const base = (await detail(id)).currentVersionId;
  const res = await world.as.staff.post(world.url(`/submissions/${id}/versions`), {
    baseVersionId: base,
    answers,
    reason: 'corrected from the paper form',
  });
  expect(res.statusCode, res.payload).toBe(201);
  return res.body;
};
const review = async (id: string, state: string) => {
  const res = await world.as.coordinator.post(world.url(`/submissions/${id}/review`), {
    state,
    comment: 'checked',
  });
  expect(res.statusCode, res.payload).toBe(200);
  return res.body;
};
const numbered = async (number: string) => (await sonop.structures()).filter((s) => s.number === number);
const householdsOn = async (structureId: string) =>
  (await sonop.households()).filter((h) => h.structureId === structureId);
const versionsOf = async (structureId: string) =>
  (await world.as.coordinator.get(world.url(`/structures/${structureId}/versions`))).body.items as Array<{
    kind: string;
    submissionId: string | null;
  }>;

describe('records after review', () => {
  it('a correction that makes the submission valid writes its records, once', async () => {
    const answers = {
      structure: { painted_number: 'B-0300', location: '-25.7 27.8 0 5' },
      household: [{ size: '2', ...consent, member: [{ age: '30' }, { age: '4' }] }],
    };
    const item = sonop.item({ ...answers, structure: { ...answers.structure, location: 'by the tap' } });
    expect((await sonop.ingest([item]))[0]!.status).toBe('needs_attention');
    expect(await numbered('B-0300')).toEqual([]);
    const corrected = await edit(item.id, answers);
    expect(corrected).toMatchObject({ state: 'received', issueCount: 0 });
    const [structure] = await numbered('B-0300');
    expect(structure).toMatchObject({ point: { lon: 27.8, lat: -25.7 } });
    expect(await householdsOn(structure!.id)).toHaveLength(1);
    expect((await versionsOf(structure!.id)).map((v) => [v.kind, v.submissionId])).toEqual([
      ['original', item.id],
    ]);
    // Approving it, and correcting it again, make no second set of records.
    expect(await review(item.id, 'approved')).toMatchObject({ state: 'approved' });
    await edit(item.id, {
      ...answers,
      household: [...answers.household, { size: '1', ...consent, member: [] }],
    });
    expect(await numbered('B-0300')).toHaveLength(1);
    expect(await householdsOn(structure!.id)).toHaveLength(1);
    expect(await versionsOf(structure!.id)).toHaveLength(1);
  });

  it('approval writes the records of a submission flagged for its answers, once', async () => {
    const item = sonop.item({
      structure: { painted_number: 'B-0301' },
      household: [{ size: '3', ...consent, member: [{ age: '51' }] }],
      stray: 'an answer to no question',
    });
    const [outcome] = await sonop.ingest([item]);
    expect(outcome!.issues.map((i) => i.code)).toEqual(['unknown_field']);
    expect(await numbered('B-0301')).toEqual([]);
    expect(await review(item.id, 'approved')).toMatchObject({ state: 'approved' });
    const [structure] = await numbered('B-0301');
    expect(await householdsOn(structure!.id)).toHaveLength(1);
    expect(await review(item.id, 'approved')).toMatchObject({ state: 'approved' });
    expect(await numbered('B-0301')).toHaveLength(1);
    expect(await householdsOn(structure!.id)).toHaveLength(1);
  });

  it('answers that still cannot become records keep it flagged, with nothing half-written', async () => {
    const answers = {
      structure: { painted_number: 'B-0302' },
      household: [{ size: '2', ...consent, member: [{ age: '200' }] }],
    };
    const item = sonop.item(answers);
    expect((await sonop.ingest([item]))[0]!.issues.map((i) => i.code)).toEqual(['record']);
    // Approved as it is: the records still cannot be made, and the reasons are said once.
    const approved = await review(item.id, 'approved');
    expect(approved).toMatchObject({ state: 'needs_attention', issueCount: 1 });
    expect(approved.versions[0].issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([
      ['record', '/household/member/age'],
    ]);
    expect(await numbered('B-0302')).toEqual([]);
    const fixed = await edit(item.id, {
      ...answers,
      household: [{ ...answers.household[0], member: [{ age: '20' }] }],
    });
    expect(fixed).toMatchObject({ state: 'received', issueCount: 0 });
    const [structure] = await numbered('B-0302');
    expect(await householdsOn(structure!.id)).toHaveLength(1);
  });

  it('a submission valid at ingest is not recorded again when approved', async () => {
    const item = sonop.item({
      structure: { painted_number: 'B-0303' },
      household: [{ size: '1', ...consent, member: [{ age: '60' }] }],
    });
    expect((await sonop.ingest([item]))[0]!.status).toBe('stored');
    await review(item.id, 'approved');
    const [structure] = await numbered('B-0303');
    expect(await householdsOn(structure!.id)).toHaveLength(1);
    expect(await versionsOf(structure!.id)).toHaveLength(1);
  });

  it('a rejected submission makes no records, even corrected', async () => {
    const answers = { structure: { painted_number: 'B-0304' }, household: [] };
    const item = sonop.item({ ...answers, stray: 'x' });
    expect((await sonop.ingest([item]))[0]!.status).toBe('needs_attention');
    await review(item.id, 'rejected');
    expect(await edit(item.id, answers)).toMatchObject({ state: 'rejected', issueCount: 0 });
    expect(await numbered('B-0304')).toEqual([]);
  });
});
