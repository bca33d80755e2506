// Every role walks every screen of a demo workspace (`coproduce demo`: one account per role, the
// two templates published, people, submissions) on a server of its own, and the walk fails on any
// control whose request the server would refuse for that role. Controls that write carry
// `data-endpoint`; support/refusals.ts answers for each with the server's own policy functions.
// Then a member tries to edit a form on a phone, and is shown reading and commenting instead.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import type { Role } from '@coproduce/contract';
import { type Browser, type BrowserContext, type Page, request } from '@playwright/test';
import { expect, expectAccessible, screenshots, test } from './support/index.ts';
import { serverAccepts } from './support/refusals.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const roles: Role[] = ['coordinator', 'staff', 'researcher', 'member', 'partner'];
let server: ChildProcess;
let dataDir = '';
let base = '';
let password = '';
const usernames = new Map<Role, string>();
/** Controls each role must meet on the walk: without these, a walk that found none would pass. */
const mustMeet: Partial<Record<Role, string[]>> = {
  coordinator: [
    'createForm',
    'importForm',
    'createFormFromTemplate',
    'updateFormDraft',
    'publishForm',
    'archiveForm',
    'createInvite',
    'changeMemberRole',
    'createPerson',
    'updateWorkspace',
    'createFormComment',
    'createApiToken',
  ],
  member: ['createFormComment', 'createFormSuggestion', 'updatePerson', 'leaveWorkspace'],
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(`${tmpdir()}/coproduce-e2e-roles-`);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  // The demo writes its accounts before the server starts, as an operator would.
  const printed = execFileSync(process.execPath, ['apps/server/bin/coproduce.mjs', 'demo'], {
    env,
    encoding: 'utf8',
  });
  password = /^\s+password\s+(\S+)$/m.exec(printed)?.[1] ?? '';
  for (const role of roles) {
    usernames.set(role, new RegExp(`^\\s+${role}\\s+(\\S+)$`, 'm').exec(printed)?.[1] ?? '');
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['apps/server/bin/coproduce.mjs', 'serve'], {
    env: { ...env, PORT: String(port), PUBLIC_URL: base },
    stdio: 'ignore',
  });
  await expect
    .poll(async () => (await fetch(`${base}/health`).catch(() => null))?.ok ?? false, { timeout: 60_000 })
    .toBe(true);
});

test.afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const killLater = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killLater);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function signedIn(browser: Browser, role: Role, width = 1280): Promise<BrowserContext> {
  const api = await request.newContext({ baseURL: base });
  const answer = await api.post('/api/auth/sign-in', {
    data: { login: usernames.get(role), password },
  });
  expect(answer.ok(), `${role} signs in`).toBe(true);
  const context = await browser.newContext({
    baseURL: base,
    storageState: await api.storageState(),
    viewport: { width, height: 800 },
  });
  await api.dispose();
  return context;
}

/** The endpoints of the controls a person can see on the screen now. */
async function visibleControls(page: Page): Promise<string[]> {
  return page
    .locator('[data-endpoint]')
    .evaluateAll((elements) =>
      elements
        .filter((el) => el.getClientRects().length > 0 || el.closest('label')?.getClientRects().length)
        .map((el) => el.getAttribute('data-endpoint') ?? ''),
    );
}

async function settled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0);
}

for (const role of roles) {
  test(`a ${role} is offered only what the server accepts from a ${role}`, async ({ browser }) => {
    const context = await signedIn(browser, role);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const workspaces = await (await page.request.get('/api/workspaces')).json();
    const workspace = workspaces.items[0];
    const ws = `/w/${workspace.id}`;
    const screens = [
      '/workspaces',
      '/account',
      `${ws}/people`,
      `${ws}/members`,
      `${ws}/audit`,
      `${ws}/forms`,
    ];
    screens.push(`${ws}/people/${workspace.personId}`);
    if (workspace.abilities.writePeople) screens.push(`${ws}/people/new`);
    if (workspace.abilities.readPeople) {
      const people = await (await page.request.get(`/api${ws.replace('/w/', '/workspaces/')}/people`)).json();
      const other = people.items.find((p: { id: string }) => p.id !== workspace.personId);
      if (other) screens.push(`${ws}/people/${other.id}`);
    }
    const forms = await (await page.request.get(`/api/workspaces/${workspace.id}/forms`)).json();
    for (const form of forms.items) {
      for (const view of ['', '?view=preview', '?view=review', '?view=changes']) {
        screens.push(`${ws}/forms/${form.id}${view}`);
      }
    }

    const refused: string[] = [];
    const seen = new Set<string>();
    for (const url of screens) {
      await settled(page, url);
      // Judged where the screen ended up: a member's "People" is their own record.
      const own = new URL(page.url()).pathname.endsWith(`/people/${workspace.personId}`);
      const check = async (where: string) => {
        for (const endpoint of await visibleControls(page)) {
          seen.add(endpoint);
          const accepts = serverAccepts[endpoint];
          if (!accepts) refused.push(`${where}: "${endpoint}" is not in support/refusals.ts`);
          else if (!accepts({ role, own })) refused.push(`${where}: ${endpoint}`);
        }
      };
      await check(url);
      await expectAccessible(page, `${role} ${url}`);
      // The builder's other panels (translations, attachments) are switched, not addressed.
      const panels = page.locator('.panel-switch button');
      for (let i = 0; i < (await panels.count()); i++) {
        await panels.nth(i).click();
        await page.waitForLoadState('networkidle');
        await check(`${url} (panel ${i + 1})`);
      }
    }
    expect([...seen], `controls a ${role} must meet`).toEqual(expect.arrayContaining(mustMeet[role] ?? []));
    expect(refused, `controls the server would refuse a ${role}`).toEqual([]);
    expect(errors, 'uncaught errors in the page').toEqual([]);
    await context.close();
  });
}

test('a member who tries to edit a form on a phone reads and comments instead', async ({ browser }) => {
  const context = await signedIn(browser, 'member', 360);
  const page = await context.newPage();
  const workspaces = await (await page.request.get('/api/workspaces')).json();
  await settled(page, `/w/${workspaces.items[0].id}/forms`);
  await expect(page.getByRole('heading', { name: 'Start a new form' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Start from a template' })).toHaveCount(0);
  await screenshots(page, 'roles-member-forms-list');
  await page.locator('.card-link').first().click();
  await expect(page).toHaveURL(/\?view=review$/);
  const tabs = page.getByRole('navigation', { name: 'Parts of this form' });
  await expect(tabs.getByRole('link', { name: 'Build' })).toHaveCount(0);
  await expect(tabs.getByRole('link', { name: /^Comments/ })).toHaveAttribute('aria-current', 'page');
  // Typing the builder's address takes the member back to reading.
  await page.goto(page.url().replace('?view=review', ''));
  await expect(page).toHaveURL(/\?view=review$/);
  await expect(page.getByRole('button', { name: /Save|Add question|Delete/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Comment/ }).first()).toBeVisible();
  await screenshots(page, 'roles-member-form');
  await context.close();
});
