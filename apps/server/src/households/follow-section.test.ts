import { afterAll, beforeAll, expect, it } from 'vitest';
import { enumerate, type HouseholdWorld, householdWorld, roundAt } from '../test/household-world.ts';

// A section's outline redrawn moves a structure; the households found in it follow it while
// their round is under way, and keep the section they were counted in once it is published.
let world: HouseholdWorld;
beforeAll(async () => {
  world = await householdWorld();
});
afterAll(() => world.server.close());

const box = (west: number, east: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [west, -34.0],
      [east, -34.0],
      [east, -33.99],
      [west, -33.99],
      [west, -34.0],
    ],
  ],
});

it('households of an open round follow their structure into the redrawn section; a published round’s stay', async () => {
  const c = world.as.coordinator;
  const { a, b } = world.sections;
  const counted = await enumerate(world, world.structures.a1);
  expect(counted.sectionId).toBe(a);
  // That round's figures are out; a new round finds the household again.
  const published = world.roundId;
  let round = (await c.get(world.ws(`/rounds/${published}`))).body;
  for (const status of ['verifying', 'published']) {
    const moved = await c.post(world.ws(`/rounds/${published}/status`), {
      baseVersionId: round.versionId,
      status,
    });
    expect(moved.statusCode, moved.payload).toBe(200);
    round = moved.body;
  }
  world.roundId = await roundAt(world, 'enumerating', 'Second round');
  const open = await enumerate(world, world.structures.a1);
  const other = await enumerate(world, world.structures.a2);
  expect(open.sectionId).toBe(a);

  // The structure gets its point, then section B's outline is drawn around it (not around a2).
  const structure = (await c.get(world.ws(`/structures/${world.structures.a1}`))).body;
  const placed = await c.patch(world.ws(`/structures/${world.structures.a1}`), {
    baseVersionId: structure.versionId,
    point: { lon: 18.415, lat: -33.995 },
  });
  expect(placed.statusCode, placed.payload).toBe(200);
  const section = (await c.get(world.ws(`/settlements/${world.settlementId}/sections`))).body.items.find(
    (s: { id: string }) => s.id === b,
  );
  const drawn = await c.patch(world.ws(`/sections/${b}`), {
    baseVersionId: section.versionId,
    boundary: box(18.41, 18.42),
  });
  expect(drawn.statusCode, drawn.payload).toBe(200);
  expect((await c.get(world.ws(`/structures/${world.structures.a1}`))).body.sectionId).toBe(b);

  const sectionOf = async (id: string) => (await c.get(world.ws(`/households/${id}`))).body.sectionId;
  expect(await sectionOf(open.id)).toBe(b);
  expect(await sectionOf(counted.id)).toBe(a);
  expect(await sectionOf(other.id)).toBe(a);
  const history = (await c.get(world.ws(`/households/${open.id}/versions`))).body.items;
  expect(history.at(-1)).toMatchObject({
    reason: 'the outline of section B was redrawn',
    changed: ['sectionId'],
    createdByPersonId: expect.any(String),
  });
  expect((await c.get(world.ws(`/households/${counted.id}/versions`))).body.items).toHaveLength(1);
  const audit = (await c.get(world.ws('/audit?entityType=household&action=household.update'))).body.items;
  expect(audit.map((e: { entityId: string }) => e.entityId)).toEqual([open.id]);
  // The round's households by section agree with the map.
  const inB = (await c.get(world.ws(`/rounds/${world.roundId}/households?sectionId=${b}`))).body.items;
  expect(inB.map((h: { id: string }) => h.id)).toEqual([open.id]);
});
