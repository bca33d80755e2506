// Offline collection on a phone, in Chromium against a real server of its own with the demo
// workspace: a demo researcher signs in, the phone downloads their forms, the network goes off,
// the app reloads from the service worker, three submissions are filled (one left as a draft), the
// page is closed and reopened, the network comes back and the outbox sends: the server has exactly
// the two finalized ones and the draft stays on the phone. A second researcher on the same browser
// profile sees none of it and cannot open it. A phone is lost: the coordinator takes in its backup
// file with the researcher's password and the server has each submission once. Every screen is
// checked with axe and photographed.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { type APIRequestContext, type BrowserContext, type Page, request } from '@playwright/test';
import { form, question } from '../apps/server/src/test/form-models.ts';
import { checkScreen } from './pages/app.ts';
import { expect, test } from './support/index.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let server: ChildProcess;
let dataDir = '';
let base = '';
let workspaceId = '';
let formId = '';
let password = '';
let researcher = '';
let coordinator = '';
const second = { username: 'ayanda', password: 'yellow bicycle river', displayName: 'Ayanda Dlamini' };
let context: BrowserContext;
let page: Page;
let backupPath = '';
/** Saved offline, before anything was sent: two finished forms and the draft. */
let offlineBackupPath = '';
const finalizedStructures = ['B-001', 'B-002'];
const draftStructure = 'B-003 Nomvula behind the clinic';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function api(ctx: APIRequestContext, method: string, path: string, body?: unknown, csrf = '') {
  const response = await ctx.fetch(path, { method, data: body, headers: { 'x-csrf-token': csrf } });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return response.status() === 204 ? null : response.json();
}

async function signInApi(login: string, secret: string) {
  const ctx = await request.newContext({ baseURL: base });
  const session = await api(ctx, 'POST', '/api/auth/sign-in', { login, password: secret });
  return { ctx, csrf: session.csrfToken as string };
}

const doorForm = () => {
  const model = form(
    [
      question('structure', 'text', { default: 'Structure number' }, { bind: { required: 'yes' } }),
      question('size', 'integer', { default: 'People living here' }),
      question('door', 'image', { default: 'Photo of the door' }),
    ],
    {},
    'door_count',
  );
  model.settings.formTitle = 'Door count';
  return model;
};

test.beforeAll(async ({ browser }) => {
  // The hook's own budget: the demo CLI and PBKDF2 sign-ins are slow on a loaded 2-core machine.
  test.setTimeout(240_000);
  const port = await freePort();
  dataDir = mkdtempSync(`${tmpdir()}/coproduce-e2e-collect-`);
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: base };
  delete env.DATABASE_URL;
  // The demo workspace, made by the CLI as an operator would; it prints one password for all.
  const printed = execFileSync(process.execPath, ['apps/server/bin/coproduce.mjs', 'demo'], {
    env,
    encoding: 'utf8',
  });
  password = /^\s*password\s+(\S+)$/m.exec(printed)?.[1] ?? '';
  researcher = /^\s*researcher\s+(\S+)$/m.exec(printed)?.[1] ?? '';
  coordinator = /^\s*coordinator\s+(\S+)$/m.exec(printed)?.[1] ?? '';
  expect(password && researcher && coordinator, printed).toBeTruthy();
  server = spawn(process.execPath, ['apps/server/bin/coproduce.mjs', 'serve'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await expect
    .poll(
      async () =>
        (await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.ok ?? false,
      { timeout: 60_000 },
    )
    .toBe(true);

  // A small form for both researchers, and a second researcher invited into the demo workspace.
  const admin = await signInApi(coordinator, password);
  workspaceId = (await api(admin.ctx, 'GET', '/api/workspaces')).items[0].id;
  const ws = `/api/workspaces/${workspaceId}`;
  formId = (await api(admin.ctx, 'POST', `${ws}/forms`, { model: doorForm() }, admin.csrf)).id;
  await api(admin.ctx, 'POST', `${ws}/forms/${formId}/publish`, {}, admin.csrf);
  const invite = await api(
    admin.ctx,
    'POST',
    `${ws}/invites`,
    { role: 'researcher', delivery: 'code', displayName: second.displayName },
    admin.csrf,
  );
  const other = await request.newContext({ baseURL: base });
  await api(other, 'POST', '/api/invites/redeem', { code: invite.code, ...second });
  for (const [login, secret] of [
    [researcher, password],
    [second.username, second.password],
  ] as const) {
    const r = await signInApi(login, secret);
    const personId = (await api(r.ctx, 'GET', '/api/workspaces')).items[0].personId;
    await api(admin.ctx, 'POST', `${ws}/assignments`, { formId, personId, targetCount: 10 }, admin.csrf);
    await r.ctx.dispose();
  }
  await admin.ctx.dispose();
  await other.dispose();
  context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    const killLater = setTimeout(() => server?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killLater);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(p: Page, login: string, secret: string) {
  await p.goto('/sign-in');
  await p.getByLabel('Username, email or phone number').fill(login);
  await p.getByLabel('Password', { exact: true }).fill(secret);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

const home = () => `/w/${workspaceId}/collect`;
const doorCard = (p: Page) =>
  p.getByRole('listitem').filter({ has: p.getByRole('heading', { name: 'Door count' }) });

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

/** A 2400 × 1800 photo made in the page (a canvas PNG), as a camera would hand it over. */
async function cameraPhoto(p: Page): Promise<Buffer> {
  const base64 = await p.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const g = canvas.getContext('2d')!;
    const gradient = g.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, '#1f4e79');
    gradient.addColorStop(1, '#ffd166');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 2400, 1800);
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
  return Buffer.from(base64, 'base64');
}

/** Width and height of a JPEG, read from its start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  for (let i = 2; i < bytes.length - 9; ) {
    if (bytes[i] !== 0xff) throw new Error('not a JPEG marker');
    const marker = bytes[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc2)
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  throw new Error('no frame in the JPEG');
}

async function fill(p: Page, structure: string, size: string, finish: boolean, photo = false) {
  await doorCard(p).getByRole('link', { name: 'Start a new form' }).click();
  await p.getByLabel('Structure number').fill(structure);
  await p.getByLabel('People living here').fill(size);
  if (photo)
    await p
      .getByLabel('Photo of the door')
      .setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: await cameraPhoto(p) });
  if (finish) await p.getByRole('button', { name: 'Finish' }).click();
  else await p.getByRole('button', { name: 'Save draft' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'My collection work' })).toBeVisible();
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

  // Offline, a backup of all of it (for the coordinator's import at the end).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup file' }).click();
  offlineBackupPath = `${dataDir}/backup-offline.json`;
  await (await download).saveAs(offlineBackupPath);
  await expect(page.getByText('Backup file saved with 3 forms.')).toBeVisible();
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
  await expect(page.getByText('Restored 0; 1 were already on this phone.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Drafts (1)' })).toBeVisible();

  const admin = await signInApi(coordinator, password);
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

/** Takes in a backup file on the collection home with the password it was made with. */
async function takeIn(p: Page, path: string, secret: string) {
  await p.getByLabel('Backup file to restore').setInputFiles(path);
  await p.getByLabel('Password the backup was made with').fill(secret);
  await p.getByRole('button', { name: 'Restore from the file' }).click();
}

test('a phone is lost: the coordinator takes in its backup file and the server has each submission once', async ({
  browser,
}) => {
  // The researcher on a new phone: one form finished offline, saved to a backup file, then the
  // phone and everything in its store is gone.
  const lost = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 } });
  const phone = await lost.newPage();
  await signIn(phone, researcher, password);
  await expect(phone).toHaveURL(new RegExp(`${home()}$`));
  await expect(doorCard(phone).getByRole('link', { name: 'Start a new form' })).toBeVisible({
    timeout: 20_000,
  });
  await lost.setOffline(true);
  await fill(phone, 'B-010', '2', true);
  await expect(phone.getByRole('heading', { name: 'Waiting to send (1)' })).toBeVisible();
  const download = phone.waitForEvent('download');
  await phone.getByRole('button', { name: 'Save a backup file' }).click();
  const lostPath = `${dataDir}/backup-lost.json`;
  await (await download).saveAs(lostPath);
  expect(readFileSync(lostPath, 'utf8')).not.toContain('B-010');
  await lost.close();

  // The coordinator, on a clean browser, opens it with the researcher's password and sends it.
  const office = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  const desk = await office.newPage();
  await signIn(desk, coordinator, password);
  await expect(desk).not.toHaveURL(/\/sign-in$/);
  // No menu link for a coordinator: the address, and (the page reloaded) their own password once more.
  await desk.goto(home());
  await expect(desk.getByRole('heading', { level: 1, name: 'Open my work on this phone' })).toBeVisible();
  await desk.getByLabel('Password', { exact: true }).fill(password);
  await desk.getByRole('button', { name: 'Open my work' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: 'My collection work' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(desk.getByText("take in another person's backup file", { exact: false })).toBeVisible();
  // Their download holds everyone's assignments; "My assignments" shows only those naming them.
  await expect(doorCard(desk)).toHaveCount(0);
  await takeIn(desk, lostPath, password);
  await expect(
    desk.getByText("1 finished form from another person's file is in your outbox; 0 were already here."),
  ).toBeVisible();
  await expect(desk.getByRole('heading', { name: 'Waiting to send (1)' })).toBeVisible();
  await desk.getByRole('button', { name: 'Send now' }).click();
  await expect(desk.getByRole('heading', { name: 'Waiting to send (0)' })).toBeVisible({ timeout: 20_000 });
  await expect(desk.getByRole('heading', { name: 'Sent (1)' })).toBeVisible();

  // The offline backup's two finished forms reached the server already: they come in, go out
  // again and are duplicates there; its draft stays with the researcher. The lost file again adds nothing.
  await takeIn(desk, offlineBackupPath, password);
  await expect(
    desk.getByText(
      "2 finished forms from another person's file are in your outbox; 0 were already here. 1 draft stays with the person who made it.",
    ),
  ).toBeVisible();
  await desk.getByRole('button', { name: 'Send now' }).click();
  await expect(desk.getByRole('heading', { name: 'Sent (3)' })).toBeVisible({ timeout: 20_000 });
  await expect(desk.getByRole('heading', { name: 'Waiting to send (0)' })).toBeVisible();
  await expect(desk.getByRole('heading', { name: 'Drafts (0)' })).toBeVisible();
  await takeIn(desk, lostPath, password);
  await expect(desk.getByText('0 finished forms', { exact: false })).toBeVisible();
  await expect(desk.getByRole('heading', { name: 'Waiting to send (0)' })).toBeVisible();
  await checkScreen(desk, 'collect-home-import');
  await office.close();

  const admin = await signInApi(coordinator, password);
  const listing = await api(
    admin.ctx,
    'GET',
    `/api/workspaces/${workspaceId}/submissions?formId=${formId}&limit=100`,
  );
  const structures: string[] = [];
  for (const item of listing.items) {
    const detail = await api(admin.ctx, 'GET', `/api/workspaces/${workspaceId}/submissions/${item.id}`);
    expect(detail.versions).toHaveLength(1); // a duplicate, never a second version
    structures.push(detail.versions[0].answers.structure);
  }
  expect(structures.sort()).toEqual([...finalizedStructures, 'B-010']);
  expect(listing.total).toBe(3);
  await admin.ctx.dispose();
});
