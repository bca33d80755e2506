// What a coordinator's assignment screen relies on: an assignment moved to another area (or none)
// changes its area whole, checked like a new one's and audited; the listing says what was sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionWorld, collectionWorld, household } from '../test/collection-world.ts';

let world: CollectionWorld;
let sonop: string;
let elsewhere: string;
let sectionA: string;
let sectionX: string;

beforeAll(async () => {
  world = await collectionWorld();
  const c = world.as.coordinator;
  sonop = (await c.post(world.url('/settlements'), { name: 'Sonop' })).body.id;
  elsewhere = (await c.post(world.url('/settlements'), { name: 'Elsewhere' })).body.id;
  sectionA = (await c.post(world.url(`/settlements/${sonop}/sections`), { code: 'A' })).body.id;
  sectionX = (await c.post(world.url(`/settlements/${elsewhere}/sections`), { code: 'X' })).body.id;
});
afterAll(() => world.server.close());

const assign = async () => {
  const res = await world.as.coordinator.post(world.url('/assignments'), {
    formId: world.formId,
    personId: world.personOf.researcher,
    targetCount: 5,
    settlementId: sonop,
    sectionId: sectionA,
  });
  expect(res.statusCode, res.payload).toBe(201);
  return res.body.id as string;
};
const change = (id: string, body: Record<string, unknown>) =>
  world.as.coordinator.patch(world.url(`/assignments/${id}`), body);

describe('changing an assignment’s area', () => {
  it('moves it to another settlement and section, to all of a settlement, and to no place', async () => {
    const id = await assign();
    const moved = await change(id, { settlementId: elsewhere, sectionId: sectionX, targetCount: 8 });
    expect(moved.statusCode, moved.payload).toBe(200);
    expect(moved.body).toMatchObject({ settlementId: elsewhere, sectionId: sectionX, targetCount: 8 });
    // Naming the settlement alone means all of it: the old section does not stay behind.
    const whole = await change(id, { settlementId: sonop });
    expect(whole.body).toMatchObject({ settlementId: sonop, sectionId: null });
    const nowhere = await change(id, { settlementId: null });
    expect(nowhere.body).toMatchObject({ settlementId: null, sectionId: null });
    // A change of target alone leaves the area as it was.
    await change(id, { settlementId: sonop, sectionId: sectionA });
    const target = await change(id, { targetCount: 9 });
    expect(target.body).toMatchObject({ settlementId: sonop, sectionId: sectionA, targetCount: 9 });
    const audit = await world.as.coordinator.get(world.url('/audit?limit=50'));
    const entry = audit.body.items.find(
      (e: { action: string; entityId: string; fields?: string[] }) =>
        e.action === 'assignment.update' && e.entityId === id && e.fields?.includes('sectionId'),
    );
    expect(entry).toBeDefined();
  });

  it('refuses a section of another settlement, a section alone and an unknown settlement', async () => {
    const id = await assign();
    const wrong = await change(id, { settlementId: sonop, sectionId: sectionX });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body.errors[0].path).toBe('body.sectionId');
    const alone = await change(id, { sectionId: sectionA });
    expect(alone.statusCode).toBe(400);
    const unknown = await change(id, { settlementId: '01940000-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body.errors[0].path).toBe('body.settlementId');
    // Nothing was half-changed.
    const list = await world.as.coordinator.get(world.url('/assignments'));
    const row = list.body.items.find((a: { id: string }) => a.id === id);
    expect(row).toMatchObject({ settlementId: sonop, sectionId: sectionA, targetCount: 5 });
  });

  it('only those who assign may change it', async () => {
    const id = await assign();
    const res = await world.as.researcher.patch(world.url(`/assignments/${id}`), { settlementId: null });
    expect(res.statusCode).toBe(403);
  });
});

describe('the listing says what was sent for each assignment', () => {
  it('counts the assignee’s submissions of the form, a team’s from all its members', async () => {
    const c = world.as.coordinator;
    const team = await c.post(world.url('/teams'), {
      name: 'North',
      memberPersonIds: [world.personOf.researcher, world.personOf.researcher2],
    });
    expect(team.statusCode, team.payload).toBe(201);
    const alone = (
      await c.post(world.url('/assignments'), { formId: world.formId, personId: world.personOf.researcher2 })
    ).body.id;
    const together = (await c.post(world.url('/assignments'), { formId: world.formId, teamId: team.body.id }))
      .body.id;
    const send = async (agent: typeof c, n: number) => {
      const res = await agent.post(world.url('/submissions'), {
        items: Array.from({ length: n }, () => household(world)),
      });
      expect(res.statusCode, res.payload).toBe(200);
    };
    const before = (await c.get(world.url('/assignments'))).body.items;
    const sentOf = (items: { id: string; sent: number }[], id: string) =>
      items.find((a) => a.id === id)?.sent;
    const firstAlone = sentOf(before, alone);
    const firstTogether = sentOf(before, together);
    await send(world.as.researcher, 2);
    await send(world.as.researcher2, 3);
    await send(c, 1); // the coordinator's own, in no one's assignment here
    const after = (await c.get(world.url('/assignments'))).body.items;
    expect(sentOf(after, alone)).toBe((firstAlone ?? 0) + 3);
    expect(sentOf(after, together)).toBe((firstTogether ?? 0) + 5);
    // A researcher reads their own assignments with the same counts.
    const own = (await world.as.researcher2.get(world.url('/assignments'))).body.items;
    expect(sentOf(own, alone)).toBe((firstAlone ?? 0) + 3);
  });
});
