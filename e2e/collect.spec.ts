// Offline collection on a phone, in Chromium against a real server of its own with the demo
// workspace: a demo researcher signs in, the phone downloads their forms, the network goes off,
// the app reloads from the service worker, three submissions are filled (one left as a draft), the
// page is closed and reopened, the network comes back and the outbox sends: the server has exactly
// the two finalized ones and the draft stays on the phone. A second researcher on the same browser
// profile sees none of it and cannot open it. Every screen is checked with axe and photographed.
// (A lost phone's backup taken in by the coordinator: collect-backup.spec.ts.)
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { checkScreen } from './pages/app.ts';
import {
  api,
  type CollectWorld,
  doorCard,
  fill,
  jpegSize,
  signIn,
  signInApi,
  startCollectWorld,
} from './support/collect-world.ts';
import { expect, test } from './support/index.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let world: CollectWorld;
let base = '';
let dataDir = '';
let workspaceId = '';
let formId = '';
let password = '';
let researcher = '';
let coordinator = '';
let second: CollectWorld['second'];
let context: BrowserContext;
let page: Page;
let backupPath = '';
const finalizedStructures = ['B-001', 'B-002'];
const draftStructure = 'B-003 Nomvula behind the clinic';

test.beforeAll(async ({ browser }) => {
  // The hook's own budget: the demo CLI and PBKDF2 sign-ins are slow on a loaded 2-core machine.
  test.setTimeout(240_000);
  world = await startCollectWorld();
  ({ base, dataDir, workspaceId, formId, password, researcher, coordinator, second } = world);
  context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  await world?.stop();
});

const home = () => `/w/${workspaceId}/collect`;

test('a demo researcher signs in and the phone downloads their forms', async () => {
  // The service worker first, so the shell is cached before the network goes.
  await page.goto('/sign-in');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await signIn(page, researcher, password);
  await expect(page).toHaveURL(new RegExp(`${home()}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'My collection work' })).toBeVisible();
  await expect(doorCard(page).getByRole('link', { name: 'Start a new form' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('storage-state')).toContainText(/free/);
  await checkScreen(page, 'collect-home');
});

async function unlockOffline(p: Page, who: string, secret: string) {
  await expect(p.getByRole('heading', { level: 1, name: 'Open my work on this phone' })).toBeVisible();
  await p.getByLabel(who).check();
  await p.getByLabel('Password', { exact: true }).fill(secret);
  await p.getByRole('button', { name: 'Open my work' }).click();
}

test('offline: reload, unlock, fill two and leave one as a draft, close and reopen', async () => {
  await context.setOffline(true);
  await page.reload();
  await unlockOffline(page, 'Imran Shaikh', password);
  await expect(page.getByText('No connection: your work is kept safely on this phone.')).toBeVisible();
  await fill(page, finalizedStructures[0]!, '3', true, true);
  await expect(doorCard(page).getByRole('link', { name: 'Start a new form' })).toBeVisible();
  await fill(page, finalizedStructures[1]!, '5', true);
  await doorCard(page).getByRole('link', { name: 'Start a new form' }).click();
  await expect(page.getByLabel('Structure number')).toBeVisible();
  await checkScreen(page, 'collect-fill');
  await page.getByLabel('Structure number').fill(draftStructure);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting to send (2)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Drafts (1)' })).toBeVisible();
  await expect(page.getByText('Not sent yet').first()).toBeVisible();

  await page.close();
  page = await context.newPage();
  await page.goto(home());
  await unlockOffline(page, 'Imran Shaikh', password);
  await expect(page.getByRole('heading', { name: 'Waiting to send (2)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Drafts (1)' })).toBeVisible();
  // The draft resumes with its answers.
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByLabel('Structure number')).toHaveValue(draftStructure);
  await page.getByRole('link', { name: 'Back to my work' }).click();
  await checkScreen(page, 'collect-home-offline');
});

test('back online, the outbox sends: the server has exactly the two finalized', async () => {
  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: 'Waiting to send (0)' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Sent (2)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Drafts (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByText('Nothing new was sent.')).toBeVisible();
  await checkScreen(page, 'collect-home-sent');

  // A backup of the unsent draft; restoring it on the same phone adds nothing.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup file' }).click();
  backupPath = `${dataDir}/backup.json`;
  await (await download).saveAs(backupPath);
  await expect(page.getByText('Backup file saved with 1 form.')).toBeVisible();
  expect(readFileSync(backupPath, 'utf8')).not.toContain('Nomvula');
  await page.getByLabel('Backup file to restore').setInputFiles(backupPath);
  await page.getByLabel('Password the backup was made with').fill(password);
  await page.getByRole('button', { name: 'Restore from the file' }).click();
  await expect(page.getByText('Restored 0; 1 was already on this phone.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Drafts (1)' })).toBeVisible();

  const admin = await signInApi(base, coordinator, password);
  const listing = await api(
    admin.ctx,
    'GET',
    `/api/workspaces/${workspaceId}/submissions?formId=${formId}&limit=100`,
  );
  expect(listing.total).toBe(2);
  const structures: string[] = [];
  for (const item of listing.items) {
    const detail = await api(admin.ctx, 'GET', `/api/workspaces/${workspaceId}/submissions/${item.id}`);
    structures.push(detail.versions[0].answers.structure);
  }
  expect(structures.sort()).toEqual(finalizedStructures);
  // The photo arrived whole, made smaller on the phone: at most 1,600 px on its long side.
  const withPhoto = listing.items.find((item: { filesExpected: number }) => item.filesExpected === 1);
  expect(withPhoto?.filesReceived).toBe(1);
  const photo = await admin.ctx.get(
    `/api/workspaces/${workspaceId}/submissions/${withPhoto.id}/files/door.jpg/content`,
  );
  expect(photo.ok()).toBe(true);
  expect(jpegSize(await photo.body())).toEqual({ width: 1600, height: 1200 });
  await admin.ctx.dispose();
});

test('a second researcher on the same phone cannot see or open the first one’s unsent work', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, second.username, second.password);
  await expect(page).toHaveURL(new RegExp(`${home()}$`));
  await expect(doorCard(page).getByRole('link', { name: 'Start a new form' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('heading', { name: 'Drafts (0)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sent (0)' })).toBeVisible();
  await expect(page.getByText(draftStructure)).toHaveCount(0);
  // The first researcher's backup file does not open for the second, even with the right password.
  await page.getByLabel('Backup file to restore').setInputFiles(backupPath);
  await page.getByLabel('Password the backup was made with').fill(password);
  await page.getByRole('button', { name: 'Restore from the file' }).click();
  await expect(page.getByText('This backup file belongs to someone else.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Drafts (0)' })).toBeVisible();

  // Nothing in the browser's database reads as the draft's answers, nor as either password.
  const raw = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('coproduce-offline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const dump: unknown[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      dump.push(
        await new Promise((resolve) => {
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result);
        }),
      );
    }
    db.close();
    const latin1 = new TextDecoder('latin1');
    return JSON.stringify(dump, (_key, value) =>
      value instanceof ArrayBuffer || ArrayBuffer.isView(value)
        ? latin1.decode(value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer))
        : value,
    );
  });
  expect(raw).not.toContain('Nomvula');
  expect(raw).not.toContain('B-00');
  expect(raw).not.toContain('JFIF'); // nor the photo
  expect(raw).not.toContain(password);
  expect(raw).not.toContain(second.password);

  // Offline, choosing the first researcher with the second one's password opens nothing.
  await context.setOffline(true);
  try {
    await page.reload();
    await unlockOffline(page, 'Imran Shaikh', second.password);
    await expect(page.getByText('That password does not open this work.', { exact: false })).toBeVisible();
    await checkScreen(page, 'collect-unlock-refused');
  } finally {
    await context.setOffline(false);
  }
});
