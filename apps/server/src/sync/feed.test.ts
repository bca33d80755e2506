import type { FeedItem } from '@coproduce/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { type CollectionWorld, collectionWorld, household } from '../test/collection-world.ts';

let world: CollectionWorld;
beforeAll(async () => {
  world = await collectionWorld();
});
afterAll(() => world.server.close());

/** Follows the feed from a cursor to its end, as a phone does. */
async function syncAll(agent: Agent, since?: string, limit = 3) {
  const items: FeedItem[] = [];
  let cursor = since;
  let reset = false;
  for (let page = 0; page < 100; page++) {
    const response = await agent.get(world.url(`/changes?limit=${limit}${cursor ? `&since=${cursor}` : ''}`));
    expect(response.statusCode, response.payload).toBe(200);
    if (response.body.reset) reset = true;
    items.push(...response.body.items);
    cursor = response.body.cursor;
    if (!response.body.hasMore) break;
  }
  return { items, cursor: cursor as string, reset };
}
const kinds = (items: FeedItem[]) => items.map((i) => `${i.kind}${i.deleted ? ' (deleted)' : ''}`);

describe('the change feed', () => {
  it('gives a researcher only what they collect, and resets when their assignments change', async () => {
    const empty = await syncAll(world.as.researcher);
    expect(kinds(empty.items)).toEqual([]);
    const assignment = await world.as.coordinator.post(world.url('/assignments'), {
      formId: world.formId,
      personId: world.personOf.researcher,
      targetCount: 30,
    });
    const after = await syncAll(world.as.researcher, empty.cursor);
    expect(after.reset).toBe(true);
    expect(kinds(after.items).sort()).toEqual(['assignment', 'form', 'formVersion']);
    const version = after.items.find((i) => i.kind === 'formVersion');
    expect(version?.data).toMatchObject({ number: 1, model: { settings: { formId: 'household_count' } } });
    // Nothing changed: an incremental sync is empty and keeps the cursor working.
    const quiet = await syncAll(world.as.researcher, after.cursor);
    expect(quiet.items).toEqual([]);
    expect(quiet.reset).toBe(false);
    // Another researcher's phone sees none of it.
    expect((await syncAll(world.as.researcher2)).items).toEqual([]);
    // The researcher's own submission and its review state come back through the feed.
    const item = household(world);
    await world.as.researcher.post(world.url('/submissions'), { items: [item] });
    await world.as.coordinator.post(world.url(`/submissions/${item.id}/review`), {
      state: 'rejected',
      comment: 'wrong house',
    });
    const reviewed = await syncAll(world.as.researcher, quiet.cursor);
    expect(reviewed.items).toEqual([
      expect.objectContaining({
        kind: 'submission',
        id: item.id,
        data: expect.objectContaining({ state: 'rejected' }),
      }),
    ]);
    // Taking the assignment away resets the scope: the form is no longer the researcher's.
    await world.as.coordinator.delete(world.url(`/assignments/${assignment.body.id}`));
    const removed = await syncAll(world.as.researcher, reviewed.cursor);
    expect(removed.reset).toBe(true);
    expect(kinds(removed.items).filter((k) => k.startsWith('form'))).toEqual([]);
  });

  it('pages through a revision shared by many rows without skipping any, for a coordinator', async () => {
    const start = await syncAll(world.as.coordinator);
    // One batch: one transaction, one revision for all its rows.
    const items = Array.from({ length: 7 }, () => household(world));
    await world.as.coordinator.post(world.url('/submissions'), { items });
    const coordinatorItems = items.map((i) => ({ ...i }));
    expect(coordinatorItems.length).toBe(7);
    // The coordinator's feed carries their own submissions: 7, in pages of 3 inside one revision.
    const paged = await syncAll(world.as.coordinator, start.cursor, 3);
    const ids = paged.items.filter((i) => i.kind === 'submission').map((i) => i.id);
    expect(new Set(ids)).toEqual(new Set(items.map((i) => i.id)));
    expect(ids.length).toBe(7);
  });

  it('refuses a forged cursor with a located 400', async () => {
    const response = await world.as.coordinator.get(world.url('/changes?since=bm9wZQ'));
    expect(response.statusCode).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ path: 'query.since', code: 'cursor.invalid' });
  });
});
