// Text right in isiZulu and Hindi, in Chromium (which has no date data for isiZulu) against a
// server of its own: a refused name and a broken spreadsheet are worded in isiZulu from their
// codes, the summary is focused and each problem listed once; the forms list reads
// "inguqulo 1, <day> Disemba 2026"-style versions and plural counts; menu words never break
// inside a word at 360 px. Every screen here is photographed at 360 and 1280 px.
import { type Browser, type Page, request } from '@playwright/test';
import hi from '../apps/web/src/i18n/hi.json' with { type: 'json' };
import zu from '../apps/web/src/i18n/zu.json' with { type: 'json' };
import { expect, screenshots, test } from './support/index.ts';
import { apiCall, type OwnServer, startOwnServer } from './support/own-server.ts';

const coordinator = { username: 'thandi', password: 'paper boat sunrise', displayName: 'Thandi Nkosi' };

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

let server: OwnServer;
let base = '';
let workspaceId = '';
let formId = '';
let page: Page;
const pageErrors: string[] = [];

const api = apiCall;

/** Menu words whose text is laid out on more lines than it has words were cut inside a word. */
async function brokenMenuWords(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const broken: string[] = [];
    for (const label of document.querySelectorAll<HTMLElement>('.nav-list a span, .nav-list button span')) {
      const range = document.createRange();
      range.selectNodeContents(label);
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      const words = (label.textContent ?? '').trim().split(/\s+/).length;
      if (tops.size > words || label.scrollWidth > label.clientWidth + 1)
        broken.push(label.textContent ?? '');
    }
    return broken;
  });
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  server = await startOwnServer('text');
  base = server.base;
  const admin = await request.newContext({ baseURL: base });
  const session = await api(admin, 'POST', '/api/setup', coordinator, '');
  const workspace = await api(admin, 'POST', '/api/workspaces', { name: 'Kennedy Road' }, session.csrfToken);
  workspaceId = workspace.id;
  // One published form, so the list shows a version and its date.
  const form = await api(
    admin,
    'POST',
    `/api/workspaces/${workspaceId}/forms/from-template`,
    { templateId: 'household-enumeration' },
    session.csrfToken,
  );
  formId = form.id;
  await api(admin, 'POST', `/api/workspaces/${workspaceId}/forms/${form.id}/publish`, {}, session.csrfToken);
  const context = await browser.newContext({
    baseURL: base,
    storageState: await admin.storageState(),
    viewport: { width: 360, height: 740 },
  });
  await context.addInitScript(() => {
    if (!localStorage.getItem('coproduce.locale')) localStorage.setItem('coproduce.locale', 'zu');
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await admin.dispose();
});

test.afterEach(() => {
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

test.afterAll(async () => {
  await page?.context().close();
  await server?.stop();
});

test('a refused name is worded in isiZulu by its field, and the summary is focused', async () => {
  await page.goto('/workspaces');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zu');
  await page.locator('#workspace-name').fill('Ezakheni\u202E');
  await page.locator('form:has(#workspace-name) button[type=submit]').click();
  await expect(page.locator('#workspace-name-error')).toHaveText(zu['issue.text.bidi_control']);
  const summary = page.locator('form:has(#workspace-name) .notice-error');
  await expect(summary).toHaveText(zu['problem.request.invalid']);
  await expect(summary).toBeFocused();
  await expect(page.locator('body')).not.toContainText('contains a direction control');
  await screenshots(page, 'text-zu-refused-name');
});

test('the forms list reads versions, dates and counts in isiZulu, and menu words stay whole', async () => {
  await page.goto(`/w/${workspaceId}/forms`);
  const meta = page.locator('.card .form-meta').first();
  // Chromium has no isiZulu dates: the catalogue's month names, never "2026 M12 3".
  await expect(meta).toContainText(
    /inguqulo 1, \d{1,2} (Januwari|Februwari|Mashi|Ephreli|Meyi|Juni|Julayi|Agasti|Septhemba|Okthoba|Novemba|Disemba) 20\d\d/,
  );
  await expect(meta).not.toContainText(/M\d{1,2}/);
  await expect(meta).toContainText(/izilimi ezingu-3/);
  await expect(page.getByRole('heading', { level: 2, name: zu['forms.list.templates'] })).toBeVisible();
  await expect(page.locator('.template-card strong').first()).toHaveText(
    zu['forms.template.household-enumeration'],
  );
  expect(await brokenMenuWords(page)).toEqual([]);
  await screenshots(page, 'text-zu-forms-list');
});

test('the changes screen names the version as people do, in isiZulu', async () => {
  await page.goto(`/w/${workspaceId}/forms/${formId}?view=changes`);
  await expect(page.locator('main')).toContainText(/Kusukela enguqulweni 1, \d{1,2} [A-Z][a-z]+ 20\d\d:/);
  await expect(page.locator('main')).not.toContainText(/\d{14}/);
  expect(await brokenMenuWords(page)).toEqual([]);
  await screenshots(page, 'text-zu-changes');
  await page.goto(`/w/${workspaceId}/forms`);
});

test('a broken spreadsheet is worded in isiZulu, each problem once', async () => {
  const broken = [
    '| survey |',
    '| | type | name | label |',
    '| | texte | q1 | First |',
    '| | integer | | Age |',
  ];
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: 'broken.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(broken.join('\n')),
    });
  const summary = page.locator('.notice-error');
  await expect(summary).toHaveText('Lungisa izinkinga ezingu-2 kuspredishithi:');
  await expect(summary).toBeFocused();
  const problems = page.locator('.located-errors li');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText(
    '“texte” akulona uhlobo lombuzo esilwaziyo. Ingabe ubuqonde u-“text”?',
  );
  await expect(page.locator('body')).not.toContainText('unknown question type');
  await screenshots(page, 'text-zu-import-problems');
});

test('in Hindi: one question, one language, whole menu words', async () => {
  await page.locator('#language-switch').selectOption('hi');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await page.goto(`/w/${workspaceId}/forms`);
  await expect(page.locator('.card .form-meta').first()).toContainText(/संस्करण 1, /);
  await expect(page.locator('.card .form-meta').first()).toContainText('3 भाषाएँ');
  await expect(page.locator('.template-card strong').first()).toHaveText(
    hi['forms.template.household-enumeration'],
  );
  expect(await brokenMenuWords(page)).toEqual([]);
  await screenshots(page, 'text-hi-forms-list');
  await page.goto('/account');
  expect(await brokenMenuWords(page)).toEqual([]);
  await screenshots(page, 'text-hi-account');
});
