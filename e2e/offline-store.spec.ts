// The phone's encrypted offline store (apps/web/src/offline/) in real Chromium: IndexedDB and
// WebCrypto as a phone has them. The module is bundled with esbuild and served on the app's own
// origin (a secure context, so crypto.subtle exists), then driven through `window.offline`.
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { expect, test } from './support/index.ts';
import type { OfflineApi } from './support/offline-store-page.ts';

let bundle = '';

test.beforeAll(async () => {
  const result = await build({
    entryPoints: [new URL('./support/offline-store-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    write: false,
  });
  bundle = result.outputFiles[0]!.text;
});

async function openTestPage(page: Page): Promise<void> {
  await page.route('**/offline-store-test/**', (route) => {
    const js = route.request().url().endsWith('.js');
    return route.fulfill(
      js
        ? { contentType: 'text/javascript', body: bundle }
        : {
            contentType: 'text/html',
            body: '<!doctype html><html lang="en"><title>store</title><script src="store.js"></script></html>',
          },
    );
  });
  await page.goto('/offline-store-test/index.html');
  await expect.poll(() => page.evaluate(() => 'offline' in globalThis)).toBe(true);
}

/** Runs `fn` in the page with the store module; its source is sent, so it may use only `o` and `arg`. */
function run<A, R>(page: Page, fn: (o: OfflineApi, arg: A) => Promise<R>, arg: A): Promise<R> {
  return page.evaluate(
    async ([source, value]) => {
      const f = new Function(`return (${source})`)() as (o: unknown, arg: unknown) => Promise<unknown>;
      return f((globalThis as unknown as { offline: unknown }).offline, value);
    },
    [fn.toString(), arg] as const,
  ) as Promise<R>;
}

const thandi = { id: '0192f0a0-0000-7000-8000-00000000000a', password: 'river stone lantern' };
const bongani = { id: '0192f0a0-0000-7000-8000-00000000000b', password: 'blue kettle morning' };
const secretAnswer = 'Nomvula lives behind the clinic';
const form = { workspaceId: 'ws-1', formId: '0192f0a0-0000-7000-8000-0000000000f1', formVersion: 3 };

/** Unlocks (or, first time, creates) a user's store and keeps it open in the page under their id. */
async function signIn(page: Page, user: { id: string; password: string }): Promise<void> {
  await run(
    page,
    async (o, u) => {
      o.open[u.id] = await o.unlock(
        await o.openOfflineDb(),
        u.id,
        { password: u.password },
        { createIfMissing: true },
      );
    },
    user,
  );
}

/** Saves a draft with the given answers for the open user; returns its instance id. */
function saveDraft(page: Page, userId: string, answers: Record<string, string>): Promise<string> {
  return run(
    page,
    async (o, a) => {
      const id = o.newInstanceId();
      const item = {
        id,
        formId: a.form.formId,
        formVersion: a.form.formVersion,
        answers: a.answers,
        files: [],
      };
      await o.open[a.userId]!.saveDraft({
        workspaceId: a.form.workspaceId,
        item,
        savedAt: new Date().toISOString(),
      });
      return id;
    },
    { userId, answers, form },
  );
}

test('unsent work is sealed: the raw database holds no answer and no key in clear', async ({ page }) => {
  await openTestPage(page);
  const started = Date.now();
  await signIn(page, thandi);
  const unlockMs = Date.now() - started;
  const draftId = await saveDraft(page, thandi.id, { name: secretAnswer, age: '34' });
  const sentId = await saveDraft(page, thandi.id, { name: `${secretAnswer} (second)`, age: '61' });
  await run(page, (o, a) => o.open[a.user]!.finalize(a.id), { user: thandi.id, id: sentId });

  const text = await run(page, (o) => o.rawText(), null);
  expect(text).toContain(draftId); // the instance id is in clear, so the right row can be found…
  expect(text).not.toContain('Nomvula'); // …but no answer is
  expect(text).not.toContain('clinic');
  expect(text).not.toContain(thandi.password);
  const raw = await run(page, (o) => o.raw(), null);
  expect(raw.work.map((row) => Object.keys(row).sort())).toEqual([
    ['data', 'id', 'iv', 'kind', 'userId'],
    ['data', 'id', 'iv', 'kind', 'userId'],
  ]);
  expect(raw.work.map((row) => row.kind).sort()).toEqual(['draft', 'outbox']);
  // PBKDF2 at 600,000 iterations plus a key made and wrapped: seconds at most, even on a busy machine.
  expect(unlockMs).toBeLessThan(10_000);
  test
    .info()
    .annotations.push({ type: 'first unlock (PBKDF2 600k, key made)', description: `${unlockMs} ms` });
});

test('work survives sign-out and reopening; only the right password opens it', async ({ page }) => {
  await openTestPage(page);
  await signIn(page, thandi);
  const id = await saveDraft(page, thandi.id, { name: secretAnswer });
  const afterLock = await run(
    page,
    async (o, u) => {
      o.open[u]!.lock();
      return o.outcome(() => o.open[u]!.list('draft'));
    },
    thandi.id,
  );
  expect(afterLock).toEqual({ error: 'Error' }); // locked: the key is gone from memory
  await page.close();

  const again = await page.context().newPage();
  await openTestPage(again);
  const wrong = await run(
    again,
    async (o, u) =>
      o.outcome(() => o.openOfflineDb().then((db) => o.unlock(db, u, { password: 'not my password' }))),
    thandi.id,
  );
  expect(wrong).toEqual({ error: 'WrongSecretError' });
  const unknown = await run(
    again,
    async (o) =>
      o.outcome(() => o.openOfflineDb().then((db) => o.unlock(db, 'someone-new', { password: 'x' }))),
    null,
  );
  expect(unknown).toEqual({ error: 'NoKeyError' }); // no key is made without the server's yes
  await signIn(again, thandi);
  const drafts = await run(again, (o, u) => o.open[u]!.list('draft'), thandi.id);
  expect(drafts.map((work) => [work.item.id, work.item.answers])).toEqual([[id, { name: secretAnswer }]]);
});

test('a second researcher on the same browser profile can neither see nor open the first one’s work', async ({
  page,
}) => {
  await openTestPage(page);
  await signIn(page, thandi);
  const draftId = await saveDraft(page, thandi.id, { name: secretAnswer });
  const sentId = await saveDraft(page, thandi.id, { name: 'another household' });
  await run(page, (o, a) => o.open[a.user]!.finalize(a.id), { user: thandi.id, id: sentId });
  await run(page, async (o, u) => o.open[u]!.lock(), thandi.id);

  await signIn(page, bongani);
  const seen = await run(
    page,
    async (o, u) => [...(await o.open[u]!.list('draft')), ...(await o.open[u]!.list('outbox'))],
    bongani.id,
  );
  expect(seen).toEqual([]);
  // His own password does not open her key, and she set no PIN he could guess.
  const attempts = await run(
    page,
    async (o, a) => {
      const db = await o.openOfflineDb();
      return [
        await o.outcome(() => o.unlock(db, a.her, { password: a.his })),
        await o.outcome(() => o.unlock(db, a.her, { pin: '1234' })),
        await o.outcome(() => o.unlock(db, a.her, { password: a.his }, { createIfMissing: true })),
      ];
    },
    { her: thandi.id, his: bongani.password },
  );
  expect(attempts).toEqual([
    { error: 'WrongSecretError' },
    { error: 'NoKeyError' },
    { error: 'WrongSecretError' },
  ]);
  // Her sealed rows copied under his account id do not open with his key.
  const stolen = await run(
    page,
    async (o, a) => {
      await o.copyRow(a.her, a.draftId, a.him);
      return o.outcome(() => o.open[a.him]!.get(a.draftId));
    },
    { her: thandi.id, him: bongani.id, draftId },
  );
  expect(stolen).toEqual({ error: 'OperationError' });
  // Her work is all still there for her.
  await signIn(page, thandi);
  const hers = await run(
    page,
    async (o, u) => ({
      drafts: (await o.open[u]!.list('draft')).map((w) => w.item.id),
      outbox: (await o.open[u]!.list('outbox')).map((w) => w.item.id),
    }),
    thandi.id,
  );
  expect(hers).toEqual({ drafts: [draftId], outbox: [sentId] });
});

test('a device PIN opens the same work; drafts finalize, and only drafts can be deleted', async ({
  page,
}) => {
  await openTestPage(page);
  await signIn(page, thandi);
  await run(page, (o, u) => o.open[u]!.setPin('482916'), thandi.id);
  const keep = await saveDraft(page, thandi.id, { name: 'kept' });
  const drop = await saveDraft(page, thandi.id, { name: 'dropped' });
  await page.reload();
  await expect.poll(() => page.evaluate(() => 'offline' in globalThis)).toBe(true);

  const result = await run(
    page,
    async (o, a) => {
      const db = await o.openOfflineDb();
      const wrongPin = await o.outcome(() => o.unlock(db, a.user, { pin: '000000' }));
      const store = await o.unlock(db, a.user, { pin: '482916' });
      const finalized = await store.finalize(a.keep, '2026-12-03T07:00:00.000Z');
      return {
        wrongPin,
        finishedAt: finalized.item.finishedAt,
        editSent: await o.outcome(() => store.saveDraft(finalized)),
        deleteSent: await o.outcome(() => store.deleteDraft(a.keep)),
        finalizeAgain: await o.outcome(() => store.finalize(a.keep)),
        deleteDraft: await o.outcome(() => store.deleteDraft(a.drop)),
        drafts: (await store.list('draft')).length,
        outbox: (await store.list('outbox')).map((w) => w.item.answers),
        confirmed: await o.outcome(() => store.removeConfirmed(a.keep)),
        afterConfirm: (await store.list('outbox')).length,
      };
    },
    { user: thandi.id, keep, drop },
  );
  expect(result).toEqual({
    wrongPin: { error: 'WrongSecretError' },
    finishedAt: '2026-12-03T07:00:00.000Z',
    editSent: { error: 'WorkStateError' },
    deleteSent: { error: 'WorkStateError' },
    finalizeAgain: { error: 'WorkStateError' },
    deleteDraft: { ok: undefined },
    drafts: 0,
    outbox: [{ name: 'kept' }],
    confirmed: { ok: undefined },
    afterConfirm: 0,
  });
});

test('persistent storage is asked for and the space left is known; instance ids are UUIDv7 in time order', async ({
  page,
}) => {
  await openTestPage(page);
  const state = await run(page, (o) => o.requestPersistentStorage(), null);
  expect(typeof state.persisted).toBe('boolean');
  expect(state.quotaBytes).toBeGreaterThan(0);
  expect(state.usageBytes).toBeGreaterThanOrEqual(0);
  const ids = await run(
    page,
    async (o) => [o.newInstanceId(1_700_000_000_000), o.newInstanceId(1_700_000_000_001)],
    null,
  );
  for (const id of ids)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(ids[0]!.startsWith('018bcfe5-6800')).toBe(true);
  expect([...ids].sort()).toEqual(ids);
});
