import type { FeedItem } from '@coproduce/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { type CollectionWorld, collectionWorld } from '../test/collection-world.ts';

let world: CollectionWorld;
let settlementId: string;
let other: string;
const section: Record<string, string> = {};

async function syncAll(agent: Agent, since?: string) {
  const items: FeedItem[] = [];
  let cursor = since;
  let reset = false;
  for (let page = 0; page < 100; page++) {
    const res = await agent.get(world.url(`/changes?limit=4${cursor ? `&since=${cursor}` : ''}`));
    expect(res.statusCode, res.payload).toBe(200);
    if (res.body.reset) reset = true;
    items.push(...res.body.items);
    cursor = res.body.cursor;
    if (!res.body.hasMore) break;
  }
  return { items, cursor: cursor as string, reset };
}
const labelOf = (item: FeedItem) => {
  const data = item.data as Record<string, string> | null;
  return item.kind === 'settlement' ? data?.name : item.kind === 'section' ? data?.code : data?.number;
};
const records = (items: FeedItem[]) =>
  items
    .filter((i) => ['settlement', 'section', 'structure'].includes(i.kind))
    .map((i) => `${i.kind} ${labelOf(i)}`)
    .sort();
const number = (place: string, n: string, sectionId: string | null) =>
  world.as.coordinator.post(world.url(`/settlements/${place}/structures`), { number: n, sectionId });

beforeAll(async () => {
  world = await collectionWorld();
  const c = world.as.coordinator;
  settlementId = (await c.post(world.url('/settlements'), { name: 'Sonop' })).body.id;
  other = (await c.post(world.url('/settlements'), { name: 'Elsewhere' })).body.id;
  for (const code of ['A', 'B'])
    section[code] = (await c.post(world.url(`/settlements/${settlementId}/sections`), { code })).body.id;
  await number(settlementId, 'A-1', section.A!);
  await number(settlementId, 'A-2', section.A!);
  await number(settlementId, 'B-1', section.B!);
  await number(other, 'X-1', null);
});
afterAll(() => world.server.close());

describe('records in the change feed', () => {
  it('a researcher assigned one section gets its settlement, sections and only that section’s structures', async () => {
    const before = await syncAll(world.as.researcher);
    expect(records(before.items)).toEqual([]);
    const assignment = await world.as.coordinator.post(world.url('/assignments'), {
      formId: world.formId,
      personId: world.personOf.researcher,
      settlementId,
      sectionId: section.A,
    });
    expect(assignment.statusCode, assignment.payload).toBe(201);
    const first = await syncAll(world.as.researcher, before.cursor);
    expect(first.reset).toBe(true);
    expect(records(first.items)).toEqual([
      'section A',
      'section B',
      'settlement Sonop',
      'structure A-1',
      'structure A-2',
    ]);
    // Ten changes elsewhere and one in section A: the next sync carries the one.
    for (let i = 0; i < 10; i++) await number(other, `X-${i + 2}`, null);
    await number(settlementId, 'A-3', section.A!);
    await number(settlementId, 'B-2', section.B!);
    const next = await syncAll(world.as.researcher, first.cursor);
    expect(next.reset).toBe(false);
    expect(records(next.items)).toEqual(['structure A-3']);
    // Another researcher, assigned nowhere, carries no place at all.
    expect(records((await syncAll(world.as.researcher2)).items)).toEqual([]);
    // Closing the assignment resets the scope; the phone starts over and holds none of it.
    await world.as.coordinator.delete(world.url(`/assignments/${assignment.body.id}`));
    const closed = await syncAll(world.as.researcher, next.cursor);
    expect(closed.reset).toBe(true);
    expect(records(closed.items)).toEqual([]);
  });

  it('coordinators get every record; partners and members the places without structures', async () => {
    const all = records((await syncAll(world.as.coordinator)).items);
    expect(all.filter((r) => r.startsWith('structure'))).toHaveLength(16);
    expect(all.filter((r) => r.startsWith('section'))).toEqual(['section A', 'section B']);
    expect(all.filter((r) => r.startsWith('settlement'))).toEqual([
      'settlement Elsewhere',
      'settlement Sonop',
    ]);
    for (const agent of [world.as.partner, world.as.member]) {
      const seen = records((await syncAll(agent)).items);
      expect(seen.filter((r) => r.startsWith('structure'))).toEqual([]);
      expect(seen).toContain('settlement Sonop');
    }
  });

  it('an assignment names only this workspace’s settlement and a section of it', async () => {
    const assign = (body: Record<string, unknown>) =>
      world.as.coordinator.post(world.url('/assignments'), {
        formId: world.formId,
        personId: world.personOf.researcher,
        ...body,
      });
    const wrongSection = await assign({ settlementId: other, sectionId: section.A });
    expect(wrongSection.statusCode).toBe(404);
    expect(wrongSection.body.errors[0].path).toBe('body.sectionId');
    const noSettlement = await assign({ sectionId: section.A });
    expect(noSettlement.statusCode).toBe(400);
    expect((await assign({ settlementId: '01940000-0000-7000-8000-000000000000' })).statusCode).toBe(404);
  });
});
