// Every role walks every screen of a demo workspace (`coproduce demo`: one account per role, the
// two templates published, people, submissions) on a server of its own, and the walk fails on any
// control whose request the server would refuse for that role. Controls that write carry
// `data-endpoint`; support/refusals.ts answers for each with the server's own policy functions.
// Each role walks every screen in English and its main screens in isiZulu and Hindi, with axe's
// experimental rules on (support/axe.ts). Then a member tries to edit a form on a phone, and is
// shown reading and commenting instead; a save sent anyway is refused and nothing on screen is lost.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Role } from '@coproduce/contract';
import { type Browser, type BrowserContext, type Page, request } from '@playwright/test';
import { demoFolder } from './support/demo-folder.ts';
import { expect, expectAccessible, screenshots, test } from './support/index.ts';
import { serverAccepts } from './support/refusals.ts';

// The walks only read, so each test stands alone on the shared demo data and a failure in one
// role does not hide the others.
test.setTimeout(180_000);

const roles: Role[] = ['coordinator', 'staff', 'researcher', 'member', 'partner'];
const languages = ['en', 'zu', 'hi'] as const;
type Language = (typeof languages)[number];
let server: ChildProcess;
let serverLog = '';
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
  test.setTimeout(180_000);
  const made = demoFolder('coproduce-e2e-roles-');
  dataDir = made.dataDir;
  const printed = made.printed;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.PORT;
  password = /^\s+password\s+(\S+)$/m.exec(printed)?.[1] ?? '';
  for (const role of roles) {
    usernames.set(role, new RegExp(`^\\s+${role}\\s+(\\S+)$`, 'm').exec(printed)?.[1] ?? '');
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['apps/server/bin/coproduce.mjs', 'serve'], {
    env: { ...env, PORT: String(port), PUBLIC_URL: base },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr?.on('data', (chunk) => {
    serverLog = (serverLog + chunk).slice(-4000);
  });
  const healthy = async () =>
    (await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => null))?.ok ?? false;
  await expect
    .poll(healthy, { timeout: 60_000, message: 'the roles server answers /health' })
    .toBe(true)
    .catch((error: Error) => {
      throw new Error(`${error.message}\nThe server said:\n${serverLog}`);
    });
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

async function signedIn(
  browser: Browser,
  role: Role,
  { width = 1280, language = 'en' }: { width?: number; language?: Language } = {},
): Promise<BrowserContext> {
  const api = await request.newContext({ baseURL: base });
  const answer = await api.post('/api/auth/sign-in', {
    data: { login: usernames.get(role), password },
  });
  expect(answer.ok(), `${role} signs in`).toBe(true);
  const { cookies } = await api.storageState();
  const context = await browser.newContext({
    baseURL: base,
    // The interface language as the header's switch remembers it on this device.
    storageState: {
      cookies,
      origins: [{ origin: base, localStorage: [{ name: 'coproduce.locale', value: language }] }],
    },
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
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0);
}

/** The screens a role walks: every one in English, the main ones in the other languages. */
async function screensOf(page: Page, language: Language) {
  const workspaces = await (await page.request.get('/api/workspaces')).json();
  const workspace = workspaces.items[0];
  const ws = `/w/${workspace.id}`;
  const api = `/api/workspaces/${workspace.id}`;
  const forms = (await (await page.request.get(`${api}/forms`)).json()).items as { id: string }[];
  let other: string | undefined;
  if (workspace.abilities.readPeople) {
    const people = await (await page.request.get(`${api}/people`)).json();
    other = people.items.find((p: { id: string }) => p.id !== workspace.personId)?.id;
  }
  const person = (id: string | undefined) => (id ? [`${ws}/people/${id}`] : []);
  const main = [
    `${ws}/forms`,
    ...forms.slice(0, 1).map((form) => `${ws}/forms/${form.id}`),
    ...person(workspace.personId),
    ...person(other),
    `${ws}/members`,
  ];
  if (language !== 'en') return { workspace, screens: main, again: new Set<string>() };
  const screens = [
    '/workspaces',
    `${ws}/people`,
    ...main,
    `${ws}/audit`,
    `${ws}/assignments`,
    ...(workspace.abilities.writePeople ? [`${ws}/people/new`] : []),
    // The first form in every view; the builder and comments again for the second form below.
    ...forms
      .slice(0, 1)
      .flatMap((form) =>
        ['?view=preview', '?view=review', '?view=changes', '?view=assignments'].map(
          (view) => `${ws}/forms/${form.id}${view}`,
        ),
      ),
    // After a workspace screen: the account's tokens are those of the last workspace opened.
    '/account',
  ];
  // The other forms open the same screens with other data: their controls are checked, while axe
  // and the builder's panels, costly on this machine, are left to the first form.
  const again = forms
    .slice(1)
    .flatMap((form) => [`${ws}/forms/${form.id}`, `${ws}/forms/${form.id}?view=review`]);
  return { workspace, screens: [...screens, ...again], again: new Set(again) };
}

for (const role of roles) {
  for (const language of languages) {
    const which = language === 'en' ? 'every screen' : 'the main screens';
    test(`a ${role} is offered only what the server accepts, on ${which} in ${language}`, async ({
      browser,
    }) => {
      const context = await signedIn(browser, role, { language });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const { workspace, screens, again } = await screensOf(page, language);
      // axe reads the whole page, which takes seconds on a 2-core machine: every role in English,
      // and in isiZulu and Hindi the two roles whose screens differ most (the translated words are
      // the same for the others; their controls are still checked on every screen).
      const audited = language === 'en' || role === 'coordinator' || role === 'member';
      const refused: string[] = [];
      const seen = new Set<string>();
      for (const url of screens) {
        await settled(page, url);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
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
        if (again.has(url)) continue;
        if (audited) await expectAccessible(page, `${role} ${language} ${url}`);
        // The builder's other panels (translations, attachments) are switched, not addressed.
        const panels = page.locator('.panel-switch button');
        for (let i = 0; i < (await panels.count()); i++) {
          if ((await panels.nth(i).getAttribute('aria-pressed')) === 'true') continue;
          await panels.nth(i).click();
          await expect(panels.nth(i)).toHaveAttribute('aria-pressed', 'true');
          await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0);
          await check(`${url} (panel ${i + 1})`);
          if (audited) await expectAccessible(page, `${role} ${language} ${url} (panel ${i + 1})`);
        }
      }
      if (language === 'en') {
        const missed = (mustMeet[role] ?? []).filter((endpoint) => !seen.has(endpoint));
        expect(missed, `controls a ${role} must meet and did not`).toEqual([]);
      }
      expect(refused, `controls the server would refuse a ${role}`).toEqual([]);
      expect(errors, 'uncaught errors in the page').toEqual([]);
      await context.close();
    });
  }
}

test('a member who tries to edit a form on a phone reads and comments instead', async ({ browser }) => {
  const context = await signedIn(browser, 'member', { width: 360 });
  const page = await context.newPage();
  const workspaces = await (await page.request.get('/api/workspaces')).json();
  const workspaceId = workspaces.items[0].id;
  await settled(page, `/w/${workspaceId}/forms`);
  await expect(page.getByRole('heading', { name: 'Start a new form' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Start from a template' })).toHaveCount(0);
  await expect(page.locator('[data-endpoint="importForm"], [data-endpoint="createForm"]')).toHaveCount(0);
  await screenshots(page, 'roles-member-forms-list');
  await page.locator('.card-link').first().click();
  await expect(page).toHaveURL(/\?view=review$/);
  const formId = /\/forms\/([^/?]+)/.exec(page.url())?.[1] ?? '';
  const tabs = page.getByRole('navigation', { name: 'Parts of this form' });
  await expect(tabs.getByRole('link', { name: 'Build' })).toHaveCount(0);
  await expect(tabs.getByRole('link', { name: /^Comments/ })).toHaveAttribute('aria-current', 'page');
  // Typing the builder's address takes the member back to reading.
  await page.goto(page.url().replace('?view=review', ''));
  await expect(page).toHaveURL(/\?view=review$/);
  await expect(page.locator('h1')).toBeVisible();
  const building = /^(Save|Add question|Delete|Remove|Publish|Archive|Replace from XLSForm|Up|Down)\b/;
  await expect(page.getByRole('button', { name: building })).toHaveCount(0);
  await expect(page.locator('input[type=file]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Comment' }).first()).toBeVisible();

  // The member starts a comment, then a save of the draft is sent anyway, as a script would.
  const card = page.locator('.review-item').first();
  await card.getByRole('button', { name: 'Comment' }).click();
  await card.getByLabel('Your comment').fill('Can we ask this in isiZulu first?');
  const refused = await page.evaluate(
    async ({ workspaceId, formId }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const url = `/api/workspaces/${workspaceId}/forms/${formId}`;
      const form = await (await fetch(url)).json();
      const model = { ...form.draft, title: 'Changed by a member' };
      const answer = await fetch(`${url}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ model, baseRevision: form.revision }),
      });
      const after = await (await fetch(url)).json();
      return {
        status: answer.status,
        type: answer.headers.get('content-type'),
        titleBefore: form.draft.title,
        titleAfter: after.draft.title,
      };
    },
    { workspaceId, formId },
  );
  expect(refused.status, 'a member saving a draft').toBe(403);
  expect(refused.type).toContain('application/problem+json');
  expect(refused.titleAfter, 'the draft is unchanged').toBe(refused.titleBefore);
  // Nothing on screen is lost: the comment being written is still there and can be sent.
  await expect(card.getByLabel('Your comment')).toHaveValue('Can we ask this in isiZulu first?');
  await expectAccessible(page, 'member 360 writing a comment');
  await screenshots(page, 'roles-member-form');
  await context.close();
});
