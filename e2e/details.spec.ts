// Issue 6's screen details in a real browser against a server of its own: signed-out pages log
// no 401, HEAD / answers, Add person confirms, an invite slip is printed again with a new code,
// the audit log reads as sentences with codes folded away (a visible disclosure marker), and at
// 360 × 640 a one-question screen starts on the first screen. Screens are checked with axe and
// photographed at 360 px and 1280 px.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { type APIRequestContext, type Browser, type Page, request } from '@playwright/test';
import { checkScreen } from './pages/app.ts';
import { expect, test } from './support/index.ts';

const coordinator = { username: 'thandi', password: 'paper boat sunrise', displayName: 'Thandi Nkosi' };
const member = { username: 'lindiwe', password: 'green mango window', displayName: 'Lindiwe Zulu' };

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

let server: ChildProcess;
let dataDir = '';
let base = '';
let workspaceId = '';
let formId = '';
let coordinatorPage: Page;
let memberPage: Page;
const pageErrors: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function api(context: APIRequestContext, method: string, path: string, body: unknown, csrf: string) {
  const response = await context.fetch(path, { method, data: body, headers: { 'x-csrf-token': csrf } });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return response.json();
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  const port = await freePort();
  dataDir = mkdtempSync(`${tmpdir()}/coproduce-e2e-details-`);
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['apps/server/bin/coproduce.mjs', 'serve'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: base },
    stdio: 'ignore',
  });
  await expect
    .poll(
      async () =>
        (await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.ok ?? false,
      { timeout: 60_000 },
    )
    .toBe(true);
  const admin = await request.newContext({ baseURL: base });
  const session = await api(admin, 'POST', '/api/setup', coordinator, '');
  workspaceId = (await api(admin, 'POST', '/api/workspaces', { name: 'Kennedy Road' }, session.csrfToken)).id;
  formId = (
    await api(
      admin,
      'POST',
      `/api/workspaces/${workspaceId}/forms/from-template`,
      { templateId: 'household-enumeration' },
      session.csrfToken,
    )
  ).id;
  const invite = await api(
    admin,
    'POST',
    `/api/workspaces/${workspaceId}/invites`,
    { role: 'member', delivery: 'code', displayName: member.displayName },
    session.csrfToken,
  );
  const other = await request.newContext({ baseURL: base });
  await api(other, 'POST', '/api/invites/redeem', { code: invite.code, ...member }, '');
  coordinatorPage = await (
    await browser.newContext({ baseURL: base, storageState: await admin.storageState() })
  ).newPage();
  memberPage = await (
    await browser.newContext({
      baseURL: base,
      storageState: await other.storageState(),
      viewport: { width: 360, height: 640 },
    })
  ).newPage();
  for (const page of [coordinatorPage, memberPage])
    page.on('pageerror', (error) => pageErrors.push(error.message));
  await admin.dispose();
  await other.dispose();
});

test.afterEach(() => {
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

test.afterAll(async () => {
  await Promise.all([coordinatorPage, memberPage].map((page) => page?.context().close()));
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    const killLater = setTimeout(() => server?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killLater);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('signed-out pages log nothing to the console, and HEAD / answers 200', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') logged.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) logged.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('/join');
  await expect(page.locator('h1')).toBeVisible();
  expect(logged).toEqual([]);
  const head = await context.request.fetch('/', { method: 'HEAD' });
  expect(head.status()).toBe(200);
  await context.close();
});

test('Add person says that it saved', async () => {
  const page = coordinatorPage;
  await page.goto(`/w/${workspaceId}/people/new`);
  await page.getByLabel('Name to show', { exact: false }).first().fill('Ayanda Mkhize');
  await page
    .getByRole('button', { name: /Add person|Save/ })
    .first()
    .click();
  await expect(page.getByText('Added Ayanda Mkhize to the people register.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveCount(1);
  await expect(page.locator('legend', { hasText: /^Notes$/ })).toHaveCount(0);
  await checkScreen(page, 'details-person-added');
});

test('an invite slip is printed again: a new code replaces the old one', async () => {
  const page = coordinatorPage;
  await page.goto(`/w/${workspaceId}/members`);
  await page.getByLabel('Name', { exact: false }).first().fill('Bongani Dube');
  await page.getByLabel('A code on a paper slip').check();
  await page.getByRole('button', { name: 'Create code and print slip' }).click();
  await expect(page).toHaveURL(/\/invites\/slip$/);
  const first = ((await page.locator('.slip-code').textContent()) ?? '').trim();
  // A reload loses the code (only its hash is kept) ...
  await page.reload();
  await expect(page.getByText(/Print the slip again/)).toBeVisible();
  await page.goto(`/w/${workspaceId}/members`);
  // ... and printing again makes a new one.
  page.once('dialog', (dialog) => void dialog.accept());
  const card = page.locator('.card', { hasText: 'Bongani Dube' });
  await card.getByRole('button', { name: 'Print the slip again' }).click();
  await expect(page).toHaveURL(/\/invites\/slip$/);
  const second = ((await page.locator('.slip-code').textContent()) ?? '').trim();
  expect(second).not.toBe('');
  expect(second).not.toBe(first);
  const stranger = await request.newContext({ baseURL: base });
  const old = await stranger.post('/api/invites/preview', { data: { code: first } });
  expect(old.status()).toBe(404);
  await stranger.dispose();
  await page.goto(`/w/${workspaceId}/members`);
  await checkScreen(page, 'details-invites-reprint');
});

test('the audit log reads as sentences, codes under a visible marker', async () => {
  const page = coordinatorPage;
  await page.goto(`/w/${workspaceId}/audit`);
  await expect(page.getByText('Thandi Nkosi added Ayanda Mkhize to the people register')).toBeVisible();
  await expect(page.getByText('Thandi Nkosi printed a new invite slip for Bongani Dube')).toBeVisible();
  const summary = page.locator('.audit-codes summary').first();
  const marker = await summary.evaluate((el) => getComputedStyle(el, '::before').content);
  expect(marker).toContain('▶');
  await summary.click();
  await expect(page.locator('.audit-codes[open]').first()).toContainText('invite.reissue');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^audit-\d{4}-\d\d-\d\d\.csv$/);
  await page.reload();
  await expect(page.getByText('Thandi Nkosi downloaded the audit log')).toBeVisible();
  await checkScreen(page, 'details-audit-sentences');
});

/** Where the first question's label starts, on a 360 × 640 phone, in one-question mode. */
async function questionTop(page: Page): Promise<{ header: number; question: number }> {
  const header = (await page.locator('.app-header').boundingBox())?.height ?? 0;
  const label = page.locator('.fill-step .fq').first();
  await expect(label).toBeVisible();
  return { header, question: (await label.boundingBox())?.y ?? 0 };
}

test('at 360 × 640 a one-question screen starts on the first screen', async () => {
  const page = coordinatorPage;
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(`/w/${workspaceId}/forms/${formId}?view=preview`);
  // On a phone the fill settings are folded under one line.
  await page.locator('.fill-settings > summary').click();
  await page.locator('#fill-single').check();
  await page.locator('.fill-settings > summary').click();
  const { header, question } = await questionTop(page);
  console.log(`360x640 coordinator: header ${header} px, question label at ${question} px`);
  expect(question).toBeLessThan(640 - 120);
  await page.setViewportSize({ width: 1280, height: 800 });
  await checkScreen(page, 'details-preview-single');
});

test('a member meets one question per screen by default, on the first screen at 360 × 640', async () => {
  const page = memberPage;
  await page.goto(`/w/${workspaceId}/forms/${formId}?view=preview`);
  await expect(page.locator('#fill-single')).toBeChecked();
  const { header, question } = await questionTop(page);
  console.log(`360x640 member: header ${header} px, question label at ${question} px`);
  expect(question).toBeLessThan(640 - 120);
  await checkScreen(page, 'details-member-preview');
});
