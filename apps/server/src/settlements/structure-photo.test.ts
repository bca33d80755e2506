// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
// The numbering form's photo reaches the structure (issue #8): the `photo` property of the
// `structures` entity names the image answer's file, and the structure shows that file of the
// submission, downloaded through the submission's own file endpoint.
import type { Form } from '@coproduce/forms';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionWorld, collectionWorld, jpeg, sha256 } from '../test/collection-world.ts';
import { form, group, question } from '../test/form-models.ts';

const saved = (name: string, type: string, saveTo: string) =>
  question(name, type, { default: name }, { saveTo });

function numberingForm(): Form {
  return {
    ...form(
      [
        group('structure', { default: 'Structure' }, [
          saved('painted_number', 'text', 'structures#number'),
          saved('location', 'geopoint', 'structures#point'),
          saved('door', 'image', 'structures#photo'),
        ]),
      ],
      {},
      'numbering',
    ),
    entities: [{ list: 'structures', label: '${painted_number}', extra: {} }],
  };
}

let world: CollectionWorld;
let formId: string;
let settlementId: string;

const file = (name: string) => ({ name, size: jpeg.length, sha256: sha256(jpeg), contentType: 'image/jpeg' });
const numbering = (number: string, door?: string) => ({
  id: v7(),
  formId,
  formVersion: 1,
  answers: { structure: { painted_number: number, location: '-25.7 27.8 0 5', ...(door ? { door } : {}) } },
  files: door ? [file(door)] : [],
});
const ingest = async (item: unknown) => {
  const res = await world.as.coordinator.post(world.url('/submissions'), { items: [item] });
  expect(res.statusCode, res.payload).toBe(200);
  return res.body.outcomes[0] as { status: string; issues: unknown[] };
};
const structureNumbered = async (number: string) => {
  const items = (await world.as.coordinator.get(world.url(`/settlements/${settlementId}/structures`))).body
    .items as Array<{ id: string; number: string; photo: unknown }>;
  return items.find((s) => s.number === number)!;
};

beforeAll(async () => {
  world = await collectionWorld();
  const c = world.as.coordinator;
  formId = (await c.post(world.url('/forms'), { model: numberingForm() })).body.id;
  expect((await c.post(world.url(`/forms/${formId}/publish`), {})).statusCode).toBe(201);
  settlementId = (await c.post(world.url('/settlements'), { name: 'Sonop', numberPrefix: 'B-' })).body.id;
  const round = await c.post(world.url(`/settlements/${settlementId}/rounds`), { name: 'Round 1', formId });
  expect(round.statusCode, round.payload).toBe(201);
  const moved = await c.post(world.url(`/rounds/${round.body.id}/status`), {
    baseVersionId: round.body.versionId,
    status: 'numbering',
  });
  expect(moved.statusCode, moved.payload).toBe(200);
});
afterAll(() => world.server.close());

describe("the numbering form's photo of a structure", () => {
  it('names the submission’s file, whose bytes come through the submission file endpoint', async () => {
    const item = numbering('B-0001', 'door-1.jpg');
    expect(await ingest(item)).toMatchObject({ status: 'stored', issues: [] });
    const structure = await structureNumbered('B-0001');
    expect(structure.photo).toEqual({ submissionId: item.id, fileName: 'door-1.jpg' });
    const one = await world.as.coordinator.get(world.url(`/structures/${structure.id}`));
    expect(one.body.photo).toEqual({ submissionId: item.id, fileName: 'door-1.jpg' });

    const put = await world.as.coordinator.put(world.url(`/submissions/${item.id}/files/door-1.jpg`), {
      offset: 0,
      contentBase64: jpeg.toString('base64'),
    });
    expect(put.body).toMatchObject({ complete: true });
    const bytes = await world.as.coordinator.get(
      world.url(`/submissions/${item.id}/files/door-1.jpg/content`),
    );
    expect(bytes.statusCode).toBe(200);
    expect(Buffer.from(bytes.rawPayload).equals(jpeg)).toBe(true);

    const audit = await world.as.coordinator.get(world.url('/audit?action=structure.create&limit=100'));
    const made = (audit.body.items as Array<{ entityId: string; fields: string[] }>).find(
      (e) => e.entityId === structure.id,
    );
    expect(made?.fields).toContain('photo');
  });

  it('leaves a structure without a photo when the form took none', async () => {
    expect(await ingest(numbering('B-0002'))).toMatchObject({ status: 'stored' });
    expect((await structureNumbered('B-0002')).photo).toBeNull();
  });

  it('gives a structure placed on the map the first form’s photo, and keeps it after', async () => {
    const placed = await world.as.coordinator.post(world.url(`/settlements/${settlementId}/structures`), {
      number: 'B-0003',
      point: { lon: 27.8, lat: -25.7 },
    });
    expect(placed.statusCode, placed.payload).toBe(201);
    expect((await structureNumbered('B-0003')).photo).toBeNull();
    const first = numbering('B-0003', 'door-1.jpg');
    expect(await ingest(first)).toMatchObject({ status: 'stored', issues: [] });
    expect((await structureNumbered('B-0003')).photo).toEqual({
      submissionId: first.id,
      fileName: 'door-1.jpg',
    });
    // A later visit's photo stays with its own submission; the structure keeps the first.
    expect(await ingest(numbering('B-0003', 'door-1.jpg'))).toMatchObject({ status: 'stored' });
    expect((await structureNumbered('B-0003')).photo).toEqual({
      submissionId: first.id,
      fileName: 'door-1.jpg',
    });
  });

  it('does not take a later form’s photo for a structure another form numbered', async () => {
    const numbered = numbering('B-0004');
    await ingest(numbered);
    expect(await ingest(numbering('B-0004', 'door-1.jpg'))).toMatchObject({ status: 'stored' });
    expect((await structureNumbered('B-0004')).photo).toBeNull();
  });
});
