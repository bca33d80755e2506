// The world of the collection specs: a real server of their own on a fresh data folder with the
// demo workspace (made by the CLI as an operator would), a small "Door count" form assigned to the
// demo researcher and to a second researcher invited into it; and the steps a researcher takes.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { type APIRequestContext, type Page, request } from '@playwright/test';
import { form, question } from '../../apps/server/src/test/form-models.ts';
import { demoFolder } from './demo-folder.ts';
import { expect } from './index.ts';

export interface CollectWorld {
  base: string;
  dataDir: string;
  workspaceId: string;
  formId: string;
  /** The demo prints one password for all its people. */
  password: string;
  researcher: string;
  coordinator: string;
  second: { username: string; password: string; displayName: string };
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function api(ctx: APIRequestContext, method: string, path: string, body?: unknown, csrf = '') {
  const response = await ctx.fetch(path, { method, data: body, headers: { 'x-csrf-token': csrf } });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return response.status() === 204 ? null : response.json();
}

export async function signInApi(base: string, login: string, secret: string) {
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

export async function startCollectWorld(): Promise<CollectWorld> {
  const port = await freePort();
  const { dataDir, printed } = demoFolder('coproduce-e2e-collect-');
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: base };
  delete env.DATABASE_URL;
  const password = /^\s*password\s+(\S+)$/m.exec(printed)?.[1] ?? '';
  const researcher = /^\s*researcher\s+(\S+)$/m.exec(printed)?.[1] ?? '';
  const coordinator = /^\s*coordinator\s+(\S+)$/m.exec(printed)?.[1] ?? '';
  expect(password && researcher && coordinator, printed).toBeTruthy();
  const server: ChildProcess = spawn(process.execPath, ['apps/server/bin/coproduce.mjs', 'serve'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const killLater = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killLater);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  await expect
    .poll(
      async () =>
        (await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.ok ?? false,
      { timeout: 60_000 },
    )
    .toBe(true);

  // A small form for both researchers, and a second researcher invited into the demo workspace.
  const second = { username: 'ayanda', password: 'yellow bicycle river', displayName: 'Ayanda Dlamini' };
  const admin = await signInApi(base, coordinator, password);
  const workspaceId = (await api(admin.ctx, 'GET', '/api/workspaces')).items[0].id as string;
  const ws = `/api/workspaces/${workspaceId}`;
  const formId = (await api(admin.ctx, 'POST', `${ws}/forms`, { model: doorForm() }, admin.csrf))
    .id as string;
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
    const r = await signInApi(base, login, secret);
    const personId = (await api(r.ctx, 'GET', '/api/workspaces')).items[0].personId;
    await api(admin.ctx, 'POST', `${ws}/assignments`, { formId, personId, targetCount: 10 }, admin.csrf);
    await r.ctx.dispose();
  }
  await admin.ctx.dispose();
  await other.dispose();
  return { base, dataDir, workspaceId, formId, password, researcher, coordinator, second, stop };
}

/** The structure numbers the server holds for the form, each read from its versions. */
export async function structuresOnServer(world: CollectWorld): Promise<string[]> {
  const admin = await signInApi(world.base, world.coordinator, world.password);
  const ws = `/api/workspaces/${world.workspaceId}`;
  const listing = await api(admin.ctx, 'GET', `${ws}/submissions?formId=${world.formId}&limit=100`);
  const structures: string[] = [];
  for (const item of listing.items) {
    const detail = await api(admin.ctx, 'GET', `${ws}/submissions/${item.id}`);
    expect(detail.versions).toHaveLength(1); // a duplicate is never a second version
    structures.push(detail.versions[0].answers.structure);
  }
  expect(listing.total).toBe(structures.length);
  await admin.ctx.dispose();
  return structures.sort();
}

/** Who each submission on the server is recorded as sent by, by structure number. */
export async function sendersOnServer(world: CollectWorld): Promise<Record<string, string>> {
  const admin = await signInApi(world.base, world.coordinator, world.password);
  const ws = `/api/workspaces/${world.workspaceId}`;
  const listing = await api(admin.ctx, 'GET', `${ws}/submissions?formId=${world.formId}&limit=100`);
  const senders: Record<string, string> = {};
  for (const item of listing.items) {
    const detail = await api(admin.ctx, 'GET', `${ws}/submissions/${item.id}`);
    senders[detail.versions[0].answers.structure] = detail.submittedBy.displayName;
  }
  await admin.ctx.dispose();
  return senders;
}

export async function signIn(p: Page, login: string, secret: string) {
  await p.goto('/sign-in');
  await p.getByLabel('Username, email or phone number').fill(login);
  await p.getByLabel('Password', { exact: true }).fill(secret);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

export const doorCard = (p: Page) =>
  p.getByRole('listitem').filter({ has: p.getByRole('heading', { name: 'Door count' }) });

/** A 2400 × 1800 photo made in the page (a canvas PNG), as a camera would hand it over. */
export async function cameraPhoto(p: Page): Promise<Buffer> {
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
export function jpegSize(bytes: Buffer): { width: number; height: number } {
  for (let i = 2; i < bytes.length - 9; ) {
    if (bytes[i] !== 0xff) throw new Error('not a JPEG marker');
    const marker = bytes[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc2)
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  throw new Error('no frame in the JPEG');
}

/** Fills the Door count form from the collection home, finishing it or saving a draft. */
export async function fill(p: Page, structure: string, size: string, finish: boolean, photo = false) {
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

/** "Save a backup file" on the collection home, kept at `path`. */
export async function saveBackup(p: Page, path: string) {
  const download = p.waitForEvent('download');
  await p.getByRole('button', { name: 'Save a backup file' }).click();
  await (await download).saveAs(path);
}

/** Takes in a backup file on the collection home with the password it was made with. */
export async function takeIn(p: Page, path: string, secret: string) {
  await p.getByLabel('Backup file to restore').setInputFiles(path);
  await p.getByLabel('Password the backup was made with').fill(secret);
  await p.getByRole('button', { name: 'Restore from the file' }).click();
}
