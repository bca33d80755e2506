// Issue 6's screen details in a real browser against a server of its own: signed-out pages log
// no 401, HEAD / answers, Add person confirms, an invite slip is printed again with a new code,
// the audit log reads as sentences with codes folded away (a visible disclosure marker), and at
// 360 × 640 a one-question screen starts on the first screen. Screens are checked with axe and
// photographed at 360 px and 1280 px.
import { type Browser, type Page, request } from '@playwright/test';
import en from '../apps/web/src/i18n/en.json' with { type: 'json' };
import hi from '../apps/web/src/i18n/hi.json' with { type: 'json' };
import zu from '../apps/web/src/i18n/zu.json' with { type: 'json' };
import { checkScreen, chooseLanguage } from './pages/app.ts';
import { expect, expectAccessible, test } from './support/index.ts';
import { apiCall, coordinatorAndMember, type OwnServer, startOwnServer } from './support/own-server.ts';

const catalogues = { en, zu, hi };
/** axe with its experimental rules too, as issue 6 will check the member screens. */
const withExperimental = {
  runOnly: {
    type: 'tag' as const,
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'],
  },
};

const coordinator = { username: 'thandi', password: 'paper boat sunrise', displayName: 'Thandi Nkosi' };
const member = { username: 'lindiwe', password: 'green mango window', displayName: 'Lindiwe Zulu' };

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

let server: OwnServer;
let base = '';
let workspaceId = '';
let formId = '';
let coordinatorPage: Page;
let memberPage: Page;
const pageErrors: string[] = [];

const api = apiCall;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  server = await startOwnServer('details');
  base = server.base;
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
  ({ coordinatorPage, memberPage } = await coordinatorAndMember(
    browser,
    base,
    { context: admin, csrf: session.csrfToken },
    workspaceId,
    member,
    { width: 360, height: 640 },
    pageErrors,
  ));
  await admin.dispose();
});

test.afterEach(() => {
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

test.afterAll(async () => {
  await Promise.all([coordinatorPage, memberPage].map((page) => page?.context().close()));
  await server?.stop();
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

for (const language of ['en', 'zu', 'hi'] as const) {
  test(`as a member in ${language} at 360 × 640, the question and its first answer need no scrolling`, async () => {
    const page = memberPage;
    // A member who tries to edit the form is taken to its comments (they may not edit, but may
    // say what is unclear), and from there tries it out.
    await page.goto(`/w/${workspaceId}/forms/${formId}`);
    await expect(page).toHaveURL(/\?view=review$/);
    await expect(page.locator('.fill-settings, .builder')).toHaveCount(0);
    await chooseLanguage(page, language);
    // Each question to comment on can be heard too.
    await expect(
      page
        .locator('.review-item')
        .first()
        .getByRole('button', { name: catalogues[language]['readAloud.button'] }),
    ).toBeVisible();
    await expectAccessible(page, `member-review-${language}-360`, withExperimental);
    await page.screenshot({ path: `/tmp/members-review-${language}-360.png` });
    await page.locator('.form-tabs a[href$="view=preview"]').click();
    await expect(page).toHaveURL(/\?view=preview$/);
    // The template opens with a note for the enumerator: move on to the first real question.
    const question = page.locator('.fill-step .fq').first();
    const answer = question.locator('input, select, textarea').first();
    for (let screen = 0; screen < 5 && (await answer.count()) === 0; screen++) {
      const progress = await page.locator('.fill-progress').textContent();
      await page.locator('.fill-nav button[type="submit"]').click();
      await expect(page.locator('.fill-progress')).not.toHaveText(progress ?? '');
    }
    await expect(answer).toBeVisible();
    // Measured as a screen opens: from the top of the page, before any scrolling.
    await page.evaluate(() => window.scrollTo(0, 0));
    const label = question.locator('.fq-label');
    await page.screenshot({ path: `/tmp/members-fold-${language}-360.png` });
    const labelBox = await label.boundingBox();
    const answerBox = await answer.boundingBox();
    console.log(
      `360x640 member ${language}: label at ${labelBox?.y} px, first answer ends at ${(answerBox?.y ?? 0) + (answerBox?.height ?? 0)} px`,
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(labelBox?.y ?? 0).toBeGreaterThanOrEqual(0);
    expect((answerBox?.y ?? 0) + (answerBox?.height ?? 0)).toBeLessThanOrEqual(640);
    await expectReadAloud(page, question, language, { zu: 'isiZulu', hi: 'हिन्दी', en: 'English' }[language]);
    await expectAccessible(page, `member-question-${language}-360`, withExperimental);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `/tmp/members-question-${language}-1280.png`, fullPage: true });
    await expectAccessible(page, `member-question-${language}-1280`, withExperimental);
    await page.setViewportSize({ width: 360, height: 640 });
  });
}

/**
 * The "Read aloud" button is there, labelled in the interface language, and either reads (the
 * device has a voice for the language: the button becomes "Stop reading") or says that there is
 * no voice for it. Chromium under test usually has no voices at all: then the message path.
 */
async function expectReadAloud(
  page: Page,
  where: ReturnType<Page['locator']>,
  language: 'en' | 'zu' | 'hi',
  voiceName: string,
): Promise<void> {
  const words = catalogues[language];
  const button = where.getByRole('button', { name: words['readAloud.button'] });
  await expect(button).toBeVisible();
  await expect(button).toContainText(words['readAloud.button']);
  const code = await page.locator('.fill, html').first().getAttribute('lang');
  const hasVoice = await page.evaluate(
    (c) => speechSynthesis.getVoices().some((v) => v.lang.toLowerCase().split(/[-_]/)[0] === c),
    code ?? language,
  );
  console.log(`read aloud in ${language}: ${hasVoice ? 'a voice' : 'no voice'} for ${code}`);
  await button.click();
  if (hasVoice) {
    await expect(where.getByRole('button', { name: words['readAloud.stop'] })).toBeVisible();
    await where.getByRole('button', { name: words['readAloud.stop'] }).click();
  } else {
    await expect(where.getByRole('status')).toHaveText(
      words['readAloud.noVoice'].replaceAll('{language}', voiceName),
    );
  }
}

for (const language of ['en', 'zu', 'hi'] as const) {
  test(`a member's own page speaks to them in ${language}, with languages by name and read-aloud`, async () => {
    const page = memberPage;
    await page.goto(`/w/${workspaceId}/forms`);
    await chooseLanguage(page, language);
    const words = catalogues[language];
    await page.getByRole('link', { name: words['nav.myDetails'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: member.displayName })).toBeVisible();
    await expect(page.getByText(words['channels.title.self'])).toBeVisible();
    await expect(page.getByText(words['channels.none.self'])).toBeVisible();
    await expect(page.getByLabel(words['channels.add.kind.self'])).toBeVisible();
    // Languages by their own names, in their own script, whatever the interface language.
    for (const name of ['isiZulu', 'isiXhosa', 'हिन्दी', 'मराठी', 'English'])
      await expect(page.getByRole('checkbox', { name, exact: true })).toBeVisible();
    await expect(page.getByText(/\b(zu|xh|hi|mr)\b/)).toHaveCount(0);
    await expectReadAloud(
      page,
      page.locator('.self-intro'),
      language,
      { en: 'English', zu: 'isiZulu', hi: 'हिन्दी' }[language],
    );
    await expectAccessible(page, `member-details-${language}-360`, withExperimental);
    await page.screenshot({ path: `/tmp/members-details-${language}-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page, `member-details-${language}-1280`, withExperimental);
    await page.screenshot({ path: `/tmp/members-details-${language}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 640 });
  });
}
