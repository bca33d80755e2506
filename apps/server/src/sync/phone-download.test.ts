// The phone's incremental download (apps/web/src/offline/download.ts over its real IndexedDB store,
// here fake-indexeddb) against a listening server: the first sync brings the assigned form, its
// published version and the assignment; later syncs bring only what changed; a download cut off
// between pages resumes from its stored cursor without fetching a finished page again.
import 'fake-indexeddb/auto';
import type { ChangesPage } from '@coproduce/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api.ts';
import { openOfflineDb } from '../../../web/src/offline/db.ts';
import {
  downloadChanges,
  type FetchChanges,
  type FetchMedia,
  latestVersion,
  readCollectCache,
} from '../../../web/src/offline/download.ts';
import { unlock } from '../../../web/src/offline/keys.ts';
import type { UserStore } from '../../../web/src/offline/store.ts';
import { type CollectionWorld, collectionWorld, household } from '../test/collection-world.ts';

let world: CollectionWorld;
let base = '';
let assignmentId = '';
beforeAll(async () => {
  world = await collectionWorld();
  const assigned = await world.as.coordinator.post(world.url('/assignments'), {
    formId: world.formId,
    personId: world.personOf.researcher,
    targetCount: 20,
  });
  if (assigned.statusCode !== 201) throw new Error(assigned.payload);
  assignmentId = assigned.body.id;
  base = await world.server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => world.server.close());

/** The researcher's feed over real HTTP; counts what came down and can fail at a chosen call. */
function feed(options: { limit?: number; failAt?: number } = {}) {
  const log = { calls: 0, items: 0, bytes: 0 };
  const fetchPage: FetchChanges = async (workspaceId, since) => {
    log.calls++;
    if (options.failAt === log.calls) throw new ApiError(0, { code: 'network', title: 'network' });
    const query = new URLSearchParams({ limit: String(options.limit ?? 500) });
    if (since) query.set('since', since);
    const agent = world.as.researcher;
    const response = await fetch(`${base}/api/workspaces/${workspaceId}/changes?${query}`, {
      headers: { cookie: [...agent.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    const text = await response.text();
    if (!response.ok) throw new ApiError(response.status, JSON.parse(text));
    const page = JSON.parse(text) as ChangesPage;
    log.items += page.items.length;
    log.bytes += text.length;
    return page;
  };
  return { fetchPage, log };
}

/** The form files over real HTTP, as the phone asks for them; `onBytes` counts the downloads. */
function httpMedia(onBytes: () => void = () => {}): FetchMedia {
  const cookie = () => [...world.as.researcher.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return {
    async list(ws, formId) {
      const r = await fetch(`${base}/api/workspaces/${ws}/forms/${formId}/attachments`, {
        headers: { cookie: cookie() },
      });
      if (!r.ok) throw new Error(await r.text());
      return (await r.json()).items;
    },
    async bytes(ws, formId, id) {
      onBytes();
      const r = await fetch(`${base}/api/workspaces/${ws}/forms/${formId}/attachments/${id}`, {
        headers: { cookie: cookie() },
      });
      return new Uint8Array(await r.arrayBuffer());
    },
  };
}

let run = 0;
async function openStore(): Promise<UserStore> {
  const db = await openOfflineDb(`download-${run++}`);
  return unlock(
    db,
    world.as.researcher.accountId ?? 'r',
    { password: 'pw' },
    {
      createIfMissing: true,
      iterations: 1000,
    },
  );
}

describe('incremental download through the change feed', () => {
  it('brings the assigned form once, then only what changed', async () => {
    const store = await openStore();
    const first = feed();
    await downloadChanges(store, world.workspaceId, first.fetchPage);
    const cache = await readCollectCache(store, world.workspaceId);
    expect(Object.keys(cache.forms)).toEqual([world.formId]);
    expect(latestVersion(cache, world.formId)).toMatchObject({ number: 1 });
    expect(
      (latestVersion(cache, world.formId)?.model as { survey?: unknown[] } | undefined)?.survey?.length,
    ).toBeGreaterThan(0);
    expect(Object.keys(cache.assignments)).toEqual([assignmentId]);
    expect(cache.cursor).toBeTruthy();

    // Nothing changed: one page, nothing in it.
    const again = feed();
    expect(await downloadChanges(store, world.workspaceId, again.fetchPage)).toEqual({
      pages: 1,
      items: 0,
      reset: false,
      files: 0,
    });

    // The coordinator changes the target: exactly that assignment comes down.
    const patched = await world.as.coordinator.patch(world.url(`/assignments/${assignmentId}`), {
      targetCount: 30,
    });
    expect(patched.statusCode, patched.payload).toBe(200);
    const third = feed();
    const report = await downloadChanges(store, world.workspaceId, third.fetchPage);
    expect(report).toMatchObject({ items: 1, reset: false });
    expect((await readCollectCache(store, world.workspaceId)).assignments[assignmentId]?.targetCount).toBe(
      30,
    );

    // The researcher's own submission, then its review state: each arrives once, as it changes.
    const sent = household(world, { answers: { structure: '', size: '2' } });
    const ingest = await world.as.researcher.post(world.url('/submissions'), { items: [sent] });
    expect(ingest.body.outcomes[0].status).toBe('needs_attention');
    const fourth = feed();
    await downloadChanges(store, world.workspaceId, fourth.fetchPage);
    expect(fourth.log.items).toBe(1);
    const mine = (await readCollectCache(store, world.workspaceId)).submissions[sent.id];
    expect(mine?.state).toBe('needs_attention');
    const rejected = await world.as.coordinator.post(world.url(`/submissions/${sent.id}/review`), {
      state: 'rejected',
      comment: 'Structure number missing',
    });
    expect(rejected.statusCode, rejected.payload).toBe(200);
    const fifth = feed();
    await downloadChanges(store, world.workspaceId, fifth.fetchPage);
    expect(fifth.log.items).toBe(1);
    expect((await readCollectCache(store, world.workspaceId)).submissions[sent.id]?.state).toBe('rejected');
  });

  it('resumes an interrupted download from the stored cursor, without fetching a page twice', async () => {
    const whole = feed({ limit: 500 });
    await downloadChanges(await openStore(), world.workspaceId, whole.fetchPage);
    const total = whole.log.items;
    expect(total).toBeGreaterThan(2);

    const store = await openStore();
    const cut = feed({ limit: 1, failAt: 3 });
    await expect(downloadChanges(store, world.workspaceId, cut.fetchPage)).rejects.toThrow();
    expect(cut.log.items).toBe(2); // two pages of one item were stored before the cut
    const resumed = feed({ limit: 1 });
    await downloadChanges(store, world.workspaceId, resumed.fetchPage);
    expect(cut.log.items + resumed.log.items).toBe(total);
    const cache = await readCollectCache(store, world.workspaceId);
    expect(Object.keys(cache.forms)).toEqual([world.formId]);
    expect(Object.keys(cache.assignments)).toEqual([assignmentId]);
  });

  it('brings the bytes of a published attachment once, checked against its hash', async () => {
    let fetched = 0;
    const media = httpMedia(() => fetched++);
    const csv = 'name,label\nsonop,Sonop\nkennedy,Kennedy Road\n';
    const uploaded = await world.as.coordinator.post(world.url(`/forms/${world.formId}/attachments`), {
      fileName: 'settlements.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(uploaded.statusCode, uploaded.payload).toBe(201);
    const published = await world.as.coordinator.post(world.url(`/forms/${world.formId}/publish`), {});
    expect(published.statusCode, published.payload).toBe(201);

    const store = await openStore();
    const first = await downloadChanges(store, world.workspaceId, feed().fetchPage, undefined, media);
    expect(first.files).toBe(1);
    const cache = await readCollectCache(store, world.workspaceId);
    const kept = Object.values(cache.media);
    expect(kept.map((m) => [m.fileName, Buffer.from(m.base64, 'base64').toString()])).toEqual([
      ['settlements.csv', csv],
    ]);
    expect(latestVersion(cache, world.formId)?.number).toBe(2);
    const again = await downloadChanges(store, world.workspaceId, feed().fetchPage, undefined, media);
    expect(again).toMatchObject({ items: 0, files: 0 });
    expect(fetched).toBe(1);
  });

  it('keeps the places an assignment names: the settlement, its sections and that section’s structures', async () => {
    const c = world.as.coordinator;
    const settlement = (await c.post(world.url('/settlements'), { name: 'Phone place' })).body;
    const sectionOf = async (code: string) =>
      (await c.post(world.url(`/settlements/${settlement.id}/sections`), { code })).body.id as string;
    const [a, b] = [await sectionOf('A'), await sectionOf('B')];
    for (const [number, sectionId] of [
      ['A-1', a],
      ['A-2', a],
      ['B-1', b],
    ])
      expect(
        (await c.post(world.url(`/settlements/${settlement.id}/structures`), { number, sectionId }))
          .statusCode,
      ).toBe(201);
    const store = await openStore();
    await downloadChanges(store, world.workspaceId, feed().fetchPage, () => new Date(), httpMedia());
    expect(Object.keys((await readCollectCache(store, world.workspaceId)).structures)).toEqual([]);
    const placed = await c.post(world.url('/assignments'), {
      formId: world.formId,
      personId: world.personOf.researcher,
      settlementId: settlement.id,
      sectionId: a,
    });
    expect(placed.statusCode, placed.payload).toBe(201);
    const report = await downloadChanges(
      store,
      world.workspaceId,
      feed().fetchPage,
      () => new Date(),
      httpMedia(),
    );
    expect(report.reset).toBe(true);
    const cache = await readCollectCache(store, world.workspaceId);
    expect(Object.values(cache.settlements).map((s) => s.name)).toEqual(['Phone place']);
    expect(
      Object.values(cache.sections)
        .map((s) => s.code)
        .sort(),
    ).toEqual(['A', 'B']);
    expect(
      Object.values(cache.structures)
        .map((s) => s.number)
        .sort(),
    ).toEqual(['A-1', 'A-2']);
    await c.delete(world.url(`/assignments/${placed.body.id}`));
  });
});
