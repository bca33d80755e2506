// Questionnaires in a real browser against a real server of their own (a fresh data folder and
// port, so this story does not depend on, or disturb, the foundation story's database):
// a coordinator uploads the household enumeration template as an XLSForm, checks logic in the
// builder, publishes, and fills the preview with skip logic, a repeat, a constraint message and a
// language switch; a member comments and suggests wording on a phone; the coordinator accepts
// and sees it under "Changes". Every forms screen is checked with axe and photographed.
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, request } from '@playwright/test';
import { checkScreen } from './pages/app.ts';
import { expect, test } from './support/index.ts';
import { apiCall, coordinatorAndMember, type OwnServer, startOwnServer } from './support/own-server.ts';

const template = fileURLToPath(
  new URL('../packages/forms/templates/household-enumeration.xlsx', import.meta.url),
);
const coordinator = { username: 'thandi', password: 'paper boat sunrise', displayName: 'Thandi Nkosi' };
const member = { username: 'lindiwe', password: 'green mango window', displayName: 'Lindiwe Zulu' };

test.describe.configure({ mode: 'serial' });
// Generous: the shared machine running this is often busy, and every screen is checked with axe twice.
test.setTimeout(240_000);

let server: OwnServer | undefined;
let base = '';
let workspaceId = '';
let formUrl = '';
let coordinatorPage: Page;
let memberPage: Page;
const pageErrors: string[] = [];

const api = apiCall;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  server = await startOwnServer('forms', { port: Number(process.env.COPRODUCE_E2E_FORMS_PORT) });
  base = server.base;
  // A developer may put the app in front of this server (e.g. a proxy while debugging the server).
  if (process.env.COPRODUCE_E2E_FORMS_FRONT) {
    base = process.env.COPRODUCE_E2E_FORMS_FRONT;
  }

  // Accounts and the workspace through the API: the foundation story tests those screens.
  const admin = await request.newContext({ baseURL: base });
  const session = await api(admin, 'POST', '/api/setup', coordinator, '');
  const workspace = await api(
    admin,
    'POST',
    '/api/workspaces',
    { name: 'Kennedy Road Committee' },
    session.csrfToken,
  );
  workspaceId = workspace.id;
  ({ coordinatorPage, memberPage } = await coordinatorAndMember(
    browser,
    base,
    { context: admin, csrf: session.csrfToken },
    workspaceId,
    member,
    { width: 360, height: 740 },
    pageErrors,
  ));
  await admin.dispose();
});

test.afterEach(() => {
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

test.afterAll(async () => {
  // Close the browsers' connections first, then stop the server.
  await Promise.all([coordinatorPage, memberPage].map((page) => page?.context().close()));
  await server?.stop();
});

test('the coordinator uploads an XLSForm and sees the templates', async () => {
  const page = coordinatorPage;
  await page.goto(`/w/${workspaceId}/forms`);
  await expect(page.getByRole('heading', { level: 1, name: 'Forms' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Start from “Household enumeration”/ })).toBeVisible();
  await checkScreen(page, 'forms-list-empty');
  await page.getByLabel('XLSForm file (.xlsx)').setInputFiles(template);
  await expect(page).toHaveURL(/\/forms\/[0-9a-f-]+$/);
  formUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: 'Build “Household enumeration”' })).toBeVisible();
  await checkScreen(page, 'forms-builder');
});

test('the builder checks logic as it is typed, saves and publishes', async () => {
  const page = coordinatorPage;
  await page.getByRole('button', { name: 'Add question' }).click();
  await page
    .getByRole('group', { name: 'Question text' })
    .getByLabel('English')
    .fill('Name of the enumerator');
  const relevant = page.getByLabel('Ask only when (relevant)');
  await relevant.fill('${nope} + ');
  await expect(page.getByText(/^At character \d+:/)).toBeVisible();
  await relevant.fill('${nope} = 1');
  await expect(page.getByText('No question is named ${nope}.')).toBeVisible();
  await checkScreen(page, 'forms-builder-logic-error');
  await relevant.fill('');
  await page.getByRole('button', { name: 'Translations' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await checkScreen(page, 'forms-builder-translations');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText(/Published as version/)).toBeVisible();
});

test('the builder uploads, lists and deletes attachments', async () => {
  const page = coordinatorPage;
  await page.getByRole('button', { name: 'Attachments', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Attachments' })).toBeVisible();
  await page.getByLabel('Upload files').setInputFiles({
    name: 'wards.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('name,label\nw1,Ward 1\n'),
  });
  await expect(page.getByText('1 file uploaded.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download wards.csv' })).toBeVisible();
  await checkScreen(page, 'forms-builder-attachments');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete wards.csv' }).click();
  await expect(page.getByText('wards.csv deleted.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download wards.csv' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Questions', exact: true }).click();
});

test('the preview fills the form: skip logic, messages, a language switch and a repeat', async () => {
  const page = coordinatorPage;
  await page.getByRole('link', { name: 'Try it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Try “Household enumeration”/ })).toBeVisible();
  await page.getByLabel('Name of the enumerator').fill('Thandi');
  await checkScreen(page, 'forms-preview');
  await page.getByRole('button', { name: 'Next' }).click();

  // Section A: moving on with required answers missing says so and goes to the first one.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert').getByText(/questions? need/)).toBeVisible();
  await expect(page.getByLabel('Painted number on the structure')).toBeFocused();
  await checkScreen(page, 'forms-preview-required');
  await page.getByLabel('Painted number on the structure').fill('KR-112');
  await page.getByRole('radio', { name: 'Residential' }).check();
  await page.getByLabel('Number of rooms').fill('99');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('[data-path="/structure/rooms"] .error-text')).toBeVisible();
  await expect(page.getByLabel('Number of rooms')).toBeFocused();
  await page.getByLabel('Number of rooms').fill('3');
  await expect(page.locator('[data-path="/structure/rooms"] .error-text')).toHaveCount(0);
  await page.getByLabel('How many households live in this structure?').fill('1');
  await page.getByRole('button', { name: 'Next' }).click();

  // The households repeat: one entry, since section A said one household lives here. Consent
  // (section B) shows only once the visit is recorded as enumerated.
  const household = page.locator('.frepeat-entry').nth(0);
  await expect(page.getByText('Who gave consent?')).toHaveCount(0);
  await household.getByRole('radio', { name: 'Enumerated' }).check();
  await expect(household.getByText('Who gave consent?')).toBeVisible();

  // In isiZulu, then back: the form's language is not the app's.
  await page.getByLabel('Questions in').selectOption('isiZulu (zu)');
  await expect(page.getByText('Inhloko yomndeni')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await checkScreen(page, 'forms-preview-isizulu');
  await page.getByLabel('Questions in').selectOption('English (en)');
  await page.locator('[data-path="/households/consent/notice_read"] input[type="checkbox"]').check();
  await household.getByRole('radio', { name: 'isiXhosa' }).check();
  // Consent said aloud needs a witness; signed does not.
  await household.getByRole('radio', { name: 'Said aloud, with a witness' }).check();
  await expect(household.getByLabel('Witness (name or enumerator code)')).toBeVisible();
  await household.getByRole('radio', { name: 'Signed' }).check();
  await expect(household.getByLabel('Witness (name or enumerator code)')).toHaveCount(0);
  await household.getByRole('checkbox', { name: 'Community planning' }).check();
  await household.getByRole('radio', { name: 'Head of household' }).check();

  // Section C: the rent question appears only for tenants.
  await expect(page.getByLabel('Monthly rent (rand)')).toHaveCount(0);
  await household.getByLabel('How many people are in this household?').fill('2');
  await household.getByRole('radio', { name: 'Tenant' }).check();
  await expect(page.getByLabel('Monthly rent (rand)')).toBeVisible();
  await page.getByLabel('Monthly rent (rand)').fill('350');

  // Section D: members as a repeat inside the household's entry, questions shown by age.
  const members = household.locator('.frepeat-entry');
  const first = members.nth(0);
  await first.getByRole('radio', { name: 'Head', exact: true }).check();
  await first.getByRole('radio', { name: 'Female' }).check();
  await first.getByLabel('Age in years').fill('41');
  await expect(first.getByText('Work status')).toBeVisible();
  // The template's repeat_count is the household size given in section C: two entries.
  await expect(members).toHaveCount(2);
  await expect(page.getByRole('button', { name: /^Add / })).toHaveCount(0);
  const second = members.nth(1);
  await second.getByRole('radio', { name: 'Child', exact: true }).check();
  await second.getByRole('radio', { name: 'Male', exact: true }).check();
  await second.getByLabel('Age in years').fill('9');
  await expect(second.getByText('In school or crèche?')).toBeVisible();
  await expect(second.getByText('Work status')).toHaveCount(0);
  await checkScreen(page, 'forms-preview-repeat');

  // The rest is optional: move on to the end.
  for (let i = 0; i < 10; i++) {
    const finish = page.getByRole('button', { name: 'Finish' });
    if (await finish.isVisible()) {
      await finish.click();
      break;
    }
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Finished. Thank you.' })).toBeVisible();
  await page.getByText('Answers as they would be sent').click();
  await expect(page.locator('.preview-answers pre')).toContainText('"rent": "350"');
  await expect(page.locator('.preview-answers pre')).toContainText('"age": "9"');
  await checkScreen(page, 'forms-preview-done');
});

test('a member comments and suggests wording on a phone', async () => {
  const page = memberPage;
  await page.goto(`${formUrl}?view=review`);
  await expect(page.getByRole('heading', { level: 1, name: /Comments on/ })).toBeVisible();
  await checkScreen(page, 'forms-review-member');
  const card = page
    .locator('.review-item')
    .filter({ has: page.getByRole('heading', { name: 'Painted number on the structure' }) });
  await card.getByRole('button', { name: 'Suggest words' }).click();
  await expect(card.getByLabel('Your wording')).toHaveValue('Painted number on the structure');
  await card.getByLabel('Your wording').fill('Number painted on the house');
  await card.getByLabel('Why (optional)').fill('People here say house, not structure.');
  await checkScreen(page, 'forms-review-suggest');
  await card.getByRole('button', { name: 'Send' }).click();
  await expect(card.getByText('Number painted on the house')).toBeVisible();
  const rooms = page
    .locator('.review-item')
    .filter({ has: page.getByRole('heading', { name: 'Number of rooms' }) });
  await rooms.getByRole('button', { name: 'Comment' }).click();
  await rooms.getByLabel('Your comment').fill('Do we count the kitchen as a room?');
  await rooms.getByRole('button', { name: 'Send' }).click();
  await expect(rooms.getByText('Do we count the kitchen as a room?')).toBeVisible();
  await checkScreen(page, 'forms-review-sent');
});

test('the coordinator accepts the suggestion and sees what changed', async () => {
  const page = coordinatorPage;
  await page.goto(`${formUrl}?view=review`);
  await page.getByLabel('Only questions with open comments').check();
  await expect(page.locator('.review-item')).toHaveCount(2);
  await checkScreen(page, 'forms-review-coordinator');
  const thread = page.locator('.thread').filter({ hasText: 'Number painted on the house' });
  await thread.getByRole('button', { name: 'Accept' }).click();
  await page.getByLabel('Only questions with open comments').uncheck();
  await expect(page.getByRole('heading', { name: 'Number painted on the house' })).toBeVisible();
  // Decided threads fold away; opening them shows the decision.
  const painted = page
    .locator('.review-item')
    .filter({ has: page.getByRole('heading', { name: 'Number painted on the house' }) });
  await painted.locator('summary').click();
  await expect(painted.locator('.thread').getByText('Accepted', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Changes' }).click();
  await expect(page.getByRole('heading', { name: /Reworded \(1\)/ })).toBeVisible();
  await expect(page.locator('ins').filter({ hasText: 'Number painted on the house' })).toBeVisible();
  await checkScreen(page, 'forms-changes');
  await page.goto(`/w/${workspaceId}/forms`);
  await expect(page.locator('.card-link')).toHaveCount(1);
  await checkScreen(page, 'forms-list');
  await page.getByRole('button', { name: 'Start from “Settlement profile”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Build “Settlement profile/ })).toBeVisible();
  await checkScreen(page, 'forms-builder-template');
});
