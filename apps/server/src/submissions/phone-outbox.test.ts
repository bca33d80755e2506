// The phone's outbox (apps/web/src/offline/sync.ts over its real IndexedDB store, here
// fake-indexeddb) against a listening server on both databases: random finalizing, batch sizes,
// requests dropped before or after the server answered, requests cut off mid-way, and batches
// and outcomes reordered. Afterwards the server holds every finalized submission exactly once
// (one version, no conflict), the phone's outbox is empty, and nothing it kept as a draft left.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api.ts';
import { openOfflineDb } from '../../../web/src/offline/db.ts';
import { type FileTransport, keptFile } from '../../../web/src/offline/files.ts';
import { newInstanceId } from '../../../web/src/offline/ids.ts';
import { unlock } from '../../../web/src/offline/keys.ts';
import type { UserStore } from '../../../web/src/offline/store.ts';
import { type SendBatch, sendOutbox } from '../../../web/src/offline/sync.ts';
import { type CollectionWorld, collectionWorld, household } from '../test/collection-world.ts';

let world: CollectionWorld;
let base = '';
beforeAll(async () => {
  world = await collectionWorld();
  const assigned = await world.as.coordinator.post(world.url('/assignments'), {
    formId: world.formId,
    personId: world.personOf.researcher,
  });
  if (assigned.statusCode !== 201) throw new Error(assigned.payload);
  base = await world.server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => world.server.close());

type Fault = 'none' | 'before' | 'after' | 'cut' | 'shuffle';

/** The researcher's batch over real HTTP, with one fault: the network as a phone meets it. */
function transport(faults: Fault[], random: () => number): SendBatch {
  let call = 0;
  return async (workspaceId, items) => {
    const fault = faults[call++ % faults.length] ?? 'none';
    if (fault === 'before') throw new ApiError(0, { code: 'network', title: 'network' });
    const agent = world.as.researcher;
    const sent = fault === 'shuffle' ? [...items].sort(() => random() - 0.5) : items;
    const controller = new AbortController();
    if (fault === 'cut') setTimeout(() => controller.abort(), Math.floor(random() * 15));
    let response: Response;
    try {
      response = await fetch(`${base}/api/workspaces/${workspaceId}/submissions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: [...agent.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          'x-csrf-token': agent.csrfToken ?? '',
        },
        body: JSON.stringify({ items: sent }),
        signal: controller.signal,
      });
      if (!response.ok) throw new ApiError(response.status, await response.json());
      const { outcomes } = (await response.json()) as { outcomes: Awaited<ReturnType<SendBatch>> };
      // The answer was lost on the way back: the server stored the batch, the phone never heard.
      if (fault === 'after') throw new ApiError(0, { code: 'network', title: 'network' });
      return fault === 'shuffle' ? [...outcomes].reverse() : outcomes;
    } catch (error) {
      if (controller.signal.aborted) throw new ApiError(0, { code: 'network', title: 'network' });
      throw error;
    }
  };
}

async function serverRows(ids: string[]) {
  if (ids.length === 0) return [];
  return world.server.deps.db
    .selectFrom('submissions')
    .leftJoin('submission_versions', (join) =>
      join
        .onRef('submission_versions.workspace_id', '=', 'submissions.workspace_id')
        .onRef('submission_versions.submission_id', '=', 'submissions.id'),
    )
    .select(['submissions.id', 'submissions.has_conflict', 'submission_versions.kind'])
    .where('submissions.workspace_id', '=', world.workspaceId)
    .where('submissions.id', 'in', ids)
    .execute();
}

const step = fc.oneof(
  fc.record({ op: fc.constant('finalize' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('draft' as const) }),
  fc.record({
    op: fc.constant('send' as const),
    batchSize: fc.integer({ min: 1, max: 5 }),
    faults: fc.array(fc.constantFrom<Fault>('none', 'before', 'after', 'cut', 'shuffle'), {
      minLength: 1,
      maxLength: 4,
    }),
    twice: fc.boolean(),
  }),
);

let run = 0;

async function openStore(): Promise<UserStore> {
  const db = await openOfflineDb(`outbox-property-${run++}`);
  const userId = world.as.researcher.accountId ?? 'researcher';
  return unlock(db, userId, { password: 'test password' }, { createIfMissing: true, iterations: 1000 });
}

async function finalizeOne(store: UserStore, finalize: boolean): Promise<string> {
  const id = newInstanceId();
  const item = { ...household(world), id };
  await store.saveDraft({ workspaceId: world.workspaceId, item, savedAt: new Date().toISOString() });
  if (finalize) await store.finalize(id);
  return id;
}

describe('the phone outbox against a listening server', () => {
  it('loses nothing and stores nothing twice under random retries, reorderings and interruptions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        async (steps, seed) => {
          let state = seed;
          const random = () => {
            state = (state * 48271) % 2147483647;
            return state / 2147483647;
          };
          const store = await openStore();
          const finalized: string[] = [];
          const drafts: string[] = [];
          for (const s of steps) {
            if (s.op === 'finalize') {
              for (let i = 0; i < s.count; i++) finalized.push(await finalizeOne(store, true));
            } else if (s.op === 'draft') {
              drafts.push(await finalizeOne(store, false));
            } else {
              const send = transport(s.faults, random);
              const rounds = [sendOutbox(store, send, { batchSize: s.batchSize })];
              if (s.twice) rounds.push(sendOutbox(store, send, { batchSize: s.batchSize }));
              await Promise.all(rounds);
            }
          }
          // Then the connection is good: the outbox drains.
          for (let i = 0; i < 5 && (await store.list('outbox')).length > 0; i++)
            await sendOutbox(store, transport(['none'], random));
          expect(await store.list('outbox')).toEqual([]);
          const receipts = await store.listSent();
          expect(receipts.map((r) => r.id).sort()).toEqual([...finalized].sort());
          expect(receipts.every((r) => r.outcome === 'stored' || r.outcome === 'duplicate')).toBe(true);
          expect((await store.list('draft')).map((w) => w.item.id).sort()).toEqual([...drafts].sort());
          const rows = await serverRows([...finalized, ...drafts]);
          expect(rows.map((r) => r.id).sort()).toEqual([...finalized].sort());
          expect(rows.every((r) => Number(r.has_conflict) === 0 && r.kind === 'original')).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('keeps a refused item with its reason and sends the rest of the batch', async () => {
    const store = await openStore();
    const good = await finalizeOne(store, true);
    const bad = newInstanceId();
    await store.saveDraft({
      workspaceId: world.workspaceId,
      item: { ...household(world), id: bad, formVersion: 99 },
      savedAt: new Date().toISOString(),
    });
    await store.finalize(bad);
    const report = await sendOutbox(store, transport(['none'], Math.random));
    expect(report.confirmed.map((r) => r.id)).toEqual([good]);
    const [waiting] = await store.list('outbox');
    expect(waiting?.item.id).toBe(bad);
    expect(waiting?.lastAttempt).toMatchObject({ failure: 'refused', code: 'submission.version_unknown' });
    // With no connection the round stops, says why, and the item stays.
    const offline = await sendOutbox(store, transport(['before'], Math.random));
    expect(offline.stopped).toMatchObject({ failure: 'network' });
    expect((await store.list('outbox')).map((w) => w.item.id)).toEqual([bad]);
  });

  it('a conflicting resend leaves the phone as a conflict the screen shows, and the server keeps both', async () => {
    const first = await openStore();
    const id = await finalizeOne(first, true);
    await sendOutbox(first, transport(['none'], Math.random));
    // Another phone (a restored backup, a bug) sends the same id with other answers.
    const other = await openStore();
    await other.saveDraft({
      workspaceId: world.workspaceId,
      item: { ...household(world), id, answers: { ...household(world).answers, structure: 'B-9999' } },
      savedAt: new Date().toISOString(),
    });
    await other.finalize(id);
    const report = await sendOutbox(other, transport(['none'], Math.random));
    expect(report.confirmed).toMatchObject([{ id, outcome: 'conflict' }]);
    expect(await other.list('outbox')).toEqual([]);
    const rows = await serverRows([id]);
    expect(rows.map((r) => r.kind).sort()).toEqual(['conflict', 'original']);
  });

  it('sends a photo in parts after its submission and resumes a cut upload without resending a part', async () => {
    const headers = () => ({
      'content-type': 'application/json',
      cookie: [...world.as.researcher.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      'x-csrf-token': world.as.researcher.csrfToken ?? '',
    });
    const offsets: number[] = [];
    let cutAfter = 1;
    const files: FileTransport = {
      async progress(ws, id, name) {
        const r = await fetch(`${base}/api/workspaces/${ws}/submissions/${id}/files/${name}`, {
          headers: headers(),
        });
        return r.json();
      },
      async put(ws, id, name, offset, contentBase64) {
        if (cutAfter-- <= 0) throw new ApiError(0, { code: 'network', title: 'network' });
        offsets.push(offset);
        const r = await fetch(`${base}/api/workspaces/${ws}/submissions/${id}/files/${name}`, {
          method: 'PUT',
          headers: headers(),
          body: JSON.stringify({ offset, contentBase64 }),
        });
        if (!r.ok) throw new ApiError(r.status, await r.json());
        return r.json();
      },
    };
    const photo = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(700_000, 7)]),
    );
    const kept = await keptFile('door.jpg', photo, 'image/jpeg');
    const store = await openStore();
    const id = newInstanceId();
    const base0 = household(world);
    await store.saveDraft({
      workspaceId: world.workspaceId,
      item: { ...base0, id, answers: { ...base0.answers, door: 'door.jpg' }, files: [kept.ref] },
      savedAt: new Date().toISOString(),
      fileData: { 'door.jpg': kept.base64 },
    });
    await store.finalize(id);
    const cut = await sendOutbox(store, transport(['none'], Math.random), { files });
    expect(cut.confirmed).toEqual([]);
    expect((await store.list('outbox'))[0]?.lastAttempt).toMatchObject({ failure: 'network' });
    cutAfter = 10;
    const resumed = await sendOutbox(store, transport(['none'], Math.random), { files });
    expect(resumed.confirmed).toMatchObject([{ id, outcome: 'duplicate' }]);
    expect(offsets).toEqual([0, 512 * 1024]); // the first part went once, the second after the cut
    const detail = await world.as.coordinator.get(world.url(`/submissions/${id}`));
    expect(detail.body.files).toMatchObject([{ name: 'door.jpg', complete: true, size: photo.length }]);
    expect(detail.body.filesReceived).toBe(1);
  });
});
